using System;
using System.Runtime.InteropServices;

namespace NativeSockets.Interop;

/// <summary>The hand-written half of platform detection: the C library check and the error for what is missing.</summary>
internal static partial class PlatformDetection
{
    /// <summary>
    /// True when the process runs on musl (Alpine and other musl distributions). The runtime names its
    /// own runtime identifier after the C library it was built for; NativeAOT bakes in the one it targets.
    /// </summary>
    internal static readonly bool IsMusl =
        OperatingSystem.IsLinux() && RuntimeInformation.RuntimeIdentifier.StartsWith("linux-musl", StringComparison.Ordinal);

    /// <summary>The exception for a native name the running platform does not define.</summary>
    internal static PlatformNotSupportedException Missing(string name) =>
        CurrentPlatform is { } platform
            ? new PlatformNotSupportedException($"'{name}' is not defined on {platform}.")
            : new PlatformNotSupportedException(
                $"NativeSockets has no native definitions for this platform ({RuntimeInformation.RuntimeIdentifier}, " +
                $"{RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}); supported platforms: {SupportedPlatforms}.");
}
