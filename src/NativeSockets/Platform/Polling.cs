using System;
using System.Runtime.InteropServices;
using System.Threading;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary><c>poll</c> that a signal cannot cut short: an interrupted wait resumes for the time left.</summary>
internal static unsafe class Polling
{
    /// <summary>
    /// Calls <paramref name="poll"/> (the platform's own unless a test passes another) until it returns
    /// something other than -1 with EINTR. <paramref name="timeout"/> is in milliseconds, -1 for no limit.
    /// </summary>
    public static int Wait(void* fds, ulong count, int timeout, delegate*<void*, ulong, int, int> poll)
    {
        var deadline = Environment.TickCount64 + timeout;
        while (true)
        {
            var result = poll(fds, count, timeout);
            if (result >= 0 || Marshal.GetLastPInvokeError() != Native.EINTR)
            {
                return result;
            }

            if (timeout > 0)
            {
                timeout = (int)Math.Max(0, deadline - Environment.TickCount64);
            }
        }
    }

    /// <summary>
    /// The same wait with the platform's own <c>poll</c>; on Windows <c>WSAPoll</c>, which no signal
    /// interrupts and which refuses an empty set (WSAEINVAL), so waiting on nothing just sleeps, as
    /// <c>poll</c> does.
    /// </summary>
    public static int Wait(void* fds, int count, int timeout)
    {
        if (!OperatingSystem.IsWindows())
        {
            return Wait(fds, (ulong)count, timeout, &Native.poll);
        }

        if (count > 0)
        {
            return Native.WSAPoll(fds, (uint)count, timeout);
        }

        Thread.Sleep(timeout);
        return 0;
    }
}
