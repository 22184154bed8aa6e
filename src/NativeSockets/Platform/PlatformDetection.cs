using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NativeSockets.Interop;

/// <summary>The hand-written half of platform detection: the C library check and the error for what is missing.</summary>
internal static partial class PlatformDetection
{
    /// <summary>
    /// The feature switch that says, at build time, whether the app targets musl. build/NativeSockets.targets
    /// sets it from a Linux RuntimeIdentifier; ILLink.Substitutions.xml then turns <see cref="MuslKnownAtBuild"/>
    /// and <see cref="MuslAtBuild"/> into constants, so trimming and NativeAOT fold every platform test
    /// to the one platform the app is built for.
    /// </summary>
    internal const string MuslSwitch = "NativeSockets.Interop.PlatformDetection.IsMusl";

    /// <summary>
    /// True when the process runs on musl (Alpine and other musl distributions): the build's answer when
    /// it knew the runtime identifier, otherwise the runtime's, which names its runtime identifier after
    /// the C library it was built for.
    /// </summary>
    internal static bool IsMusl
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => MuslKnownAtBuild ? MuslAtBuild : RuntimeLibc.IsMusl;
    }

    /// <summary>Whether the build set <see cref="MuslSwitch"/>; a constant true after trimming when it did.</summary>
    private static bool MuslKnownAtBuild => false;

    /// <summary>The value of <see cref="MuslSwitch"/>; a constant after trimming.</summary>
    private static bool MuslAtBuild => false;

    /// <summary>The exception for a native name the running platform does not define.</summary>
    /// <remarks>
    /// Every facade member ends in this throw, so whatever it calls is kept in every NativeAOT app: the
    /// platform is named by the runtime identifier (which includes the architecture) and the kernel's
    /// version, not by RuntimeInformation.OSDescription, which reads /etc/os-release through the stream
    /// stack, nor by formatting the Architecture enum, which keeps Enum's reflection-based naming.
    /// </remarks>
    internal static PlatformNotSupportedException Missing(string name) =>
        CurrentPlatform is { } platform
            ? new PlatformNotSupportedException($"'{name}' is not defined on {platform}.")
            : new PlatformNotSupportedException(
                $"NativeSockets has no native definitions for this platform ({RuntimeInformation.RuntimeIdentifier}, " +
                $"{Environment.OSVersion.VersionString}); supported platforms: {SupportedPlatforms}.");
}

/// <summary>The C library the process runs on, found once (JIT-compiled code then sees a constant).</summary>
internal static class RuntimeLibc
{
    /// <summary>
    /// True on musl. Microsoft's runtimes name their runtime identifier after their C library
    /// (linux-musl-x64), but a distribution's own build reports its distribution (alpine.3.19-x64), so
    /// without that name the process's own mappings decide: a musl process has musl's loader mapped.
    /// </summary>
    internal static readonly bool IsMusl =
        OperatingSystem.IsLinux()
        && (RuntimeInformation.RuntimeIdentifier.StartsWith("linux-musl", StringComparison.Ordinal)
            || (!RuntimeInformation.RuntimeIdentifier.StartsWith("linux-", StringComparison.Ordinal) && MapsMuslLoader()));

    internal static bool MapsMuslLoader()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                // Alpine maps the loader by its own name; Debian's musl package makes that name a link to
                // its multiarch libc.so, and the mapping shows the file linked to.
                if (line.Contains("/ld-musl-", StringComparison.Ordinal) || line.Contains("-linux-musl/libc.so", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No /proc to read: the runtime identifier was all there was to go on.
        }

        return false;
    }
}
