using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace NativeSockets.Tests.Platforms;

/// <summary>
/// One of the platforms the library has definitions for, as the platform tests the library makes
/// (OperatingSystem.IsX, RuntimeInformation.ProcessArchitecture, PlatformDetection.IsMusl) answer there.
/// <see cref="ClassName"/> is the generated class that holds the platform's bindings.
/// </summary>
internal sealed record TargetPlatform(string Name, string ClassName, string Os, Architecture Architecture, bool IsMusl)
{
    public static ImmutableArray<TargetPlatform> All { get; } =
    [
        new("linux-x64", "LinuxX64", "Linux", Architecture.X64, IsMusl: false),
        new("linux-arm64", "LinuxArm64", "Linux", Architecture.Arm64, IsMusl: false),
        new("linux-musl-x64", "LinuxMuslX64", "Linux", Architecture.X64, IsMusl: true),
        new("osx-x64", "OsxX64", "MacOS", Architecture.X64, IsMusl: false),
        new("osx-arm64", "OsxArm64", "MacOS", Architecture.Arm64, IsMusl: false),
        new("freebsd-x64", "FreebsdX64", "FreeBSD", Architecture.X64, IsMusl: false),
        new("win-x64", "WinX64", "Windows", Architecture.X64, IsMusl: false),
    ];

    /// <summary>
    /// What a parameterless platform test outside the library answers here (by type and method name),
    /// or null when the method is not one. Every other OperatingSystem.IsX() is false on all seven.
    /// </summary>
    public int? Answer(string typeName, string methodName) => (typeName, methodName) switch
    {
        ("System.OperatingSystem", "IsWindows" or "IsLinux" or "IsMacOS" or "IsFreeBSD" or "IsAndroid" or "IsIOS" or "IsTvOS"
            or "IsWatchOS" or "IsMacCatalyst" or "IsBrowser" or "IsWasi") => methodName == "Is" + Os ? 1 : 0,
        ("System.Runtime.InteropServices.RuntimeInformation", "get_ProcessArchitecture") => (int)Architecture,
        ("NativeSockets.Interop.PlatformDetection", "get_IsMusl") => IsMusl ? 1 : 0,
        _ => null,
    };

    public override string ToString() => Name;
}
