using System;
using System.Linq;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>The runtime dispatch: exactly one defined platform matches, and what it lacks fails clearly.</summary>
public class PlatformDetectionTests
{
    private static readonly string[] DefinitionFiles =
        { "freebsd-x64", "linux-arm64", "linux-musl-x64", "linux-x64", "osx-arm64", "osx-x64", "win-x64" };

    [Fact]
    public void Exactly_one_defined_platform_matches_and_it_is_the_runtimes_own_identifier()
    {
        var matches = new[]
        {
            PlatformDetection.IsFreebsdX64, PlatformDetection.IsLinuxArm64, PlatformDetection.IsLinuxMuslX64, PlatformDetection.IsLinuxX64,
            PlatformDetection.IsOsxArm64, PlatformDetection.IsOsxX64, PlatformDetection.IsWinX64,
        };

        Assert.Single(matches, match => match);
        Assert.Equal(RuntimeInformation.RuntimeIdentifier, PlatformDetection.CurrentPlatform);
    }

    [Fact]
    public void Without_a_build_time_answer_the_c_library_is_the_runtimes()
    {
        Assert.Equal(RuntimeInformation.RuntimeIdentifier.StartsWith("linux-musl", StringComparison.Ordinal), PlatformDetection.IsMusl);
    }

    [Fact]
    public void A_name_the_running_platform_lacks_throws_PlatformNotSupportedException_naming_both()
    {
        // Winsock's WSAGetLastError exists on win-x64 only, fcntl everywhere else.
        if (OperatingSystem.IsWindows())
        {
            Assert.False(Native.Defined.fcntl);
            var missing = Assert.Throws<PlatformNotSupportedException>(() => Native.fcntl(0, 0, 0));
            Assert.Equal($"'fcntl' is not defined on {PlatformDetection.CurrentPlatform}.", missing.Message);
            return;
        }

        Assert.False(Native.Defined.WSAGetLastError);

        var error = Assert.Throws<PlatformNotSupportedException>(() => Native.WSAGetLastError());

        Assert.Equal($"'WSAGetLastError' is not defined on {PlatformDetection.CurrentPlatform}.", error.Message);
    }

    [Fact]
    public void The_supported_platforms_are_the_seven_definition_files()
    {
        var names = PlatformDetection.SupportedPlatforms.Split(", ");

        Assert.Equal(DefinitionFiles, names.Order(StringComparer.Ordinal));
    }
}
