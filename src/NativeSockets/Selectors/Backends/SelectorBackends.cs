using System;

namespace NativeSockets.Selectors.Backends;

/// <summary>Picks the readiness interface of the running platform for <c>new Selector&lt;T&gt;()</c>.</summary>
internal static class SelectorBackends
{
    /// <summary>A backend on the running platform's best readiness interface.</summary>
    public static ISelectorBackend Create()
    {
        if (OperatingSystem.IsLinux())
        {
            return new EpollBackend();
        }

        if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            return new KqueueBackend();
        }

        if (OperatingSystem.IsWindows())
        {
            // AFD is undocumented: where \Device\Afd cannot be opened, WSAPoll serves instead.
            return AfdBackend.TryCreate(out var afd, out _) ? afd! : new PollBackend();
        }

        return new PollBackend();
    }
}
