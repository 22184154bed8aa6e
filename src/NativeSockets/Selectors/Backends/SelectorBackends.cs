using System;

namespace NativeSockets.Selectors.Backends;

/// <summary>Picks the readiness interface of the running platform for <c>new Selector&lt;T&gt;()</c>.</summary>
internal static class SelectorBackends
{
    /// <summary>A backend on the running platform's best readiness interface.</summary>
    /// <exception cref="PlatformNotSupportedException">The platform's backend is not part of this build.</exception>
    public static ISelectorBackend Create()
    {
        if (OperatingSystem.IsLinux())
        {
            return new EpollBackend();
        }

        if (OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("Selector has no backend for macOS in this build."); // kqueue backend: Backends/KqueueBackend.cs
        }

        if (OperatingSystem.IsFreeBSD())
        {
            throw new PlatformNotSupportedException("Selector has no backend for FreeBSD in this build."); // kqueue backend: Backends/KqueueBackend.cs
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Selector has no backend for Windows in this build."); // AFD backend with PollBackend fallback: Backends/AfdBackend.cs
        }

        return new PollBackend();
    }
}
