using System;
using System.Threading;
using NativeSockets.Interop;

namespace NativeSockets;

// The socket options whose value is a struct, with the struct laid out as the running platform lays it
// out: SO_LINGER's struct linger (two ints on POSIX, two u_shorts on Windows) and SO_RCVTIMEO/SO_SNDTIMEO's
// struct timeval (16 bytes on 64-bit POSIX; Windows takes a DWORD of milliseconds instead). They throw
// OSErrorException for a native failure, as GetSockOptInt does.
public static unsafe partial class NativeSocket
{
    /// <summary>
    /// The longest timeout <see cref="SetReceiveTimeout"/> and <see cref="SetSendTimeout"/> take on every
    /// platform: <see cref="int.MaxValue"/> milliseconds (about 24.8 days), as System.Net's timeouts.
    /// </summary>
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>Reads <see cref="SO_LINGER"/>: whether and how long closing the socket waits for unsent data.</summary>
    /// <param name="socket">The socket.</param>
    /// <exception cref="OSErrorException"><c>getsockopt</c> failed (EBADF for a closed handle).</exception>
    public static Linger GetLinger(SocketHandle socket)
    {
        // The largest platform struct linger is two ints.
        var storage = stackalloc int[2];
        _ = GetOptionOrThrow(socket, Native.SOL_SOCKET, Native.SO_LINGER, storage, (uint)Native.linger.Size);
        var linger = new Native.linger(storage);

        // BSD kernels report l_onoff as the option's bit (0x80), Linux as 1.
        return new Linger(linger.l_onoff != 0, linger.l_linger);
    }

    /// <summary>
    /// Sets <see cref="SO_LINGER"/>. Enabled with 0 seconds makes <see cref="Close(SocketHandle)"/> reset the
    /// connection, dropping unsent data; enabled with more makes a blocking socket's close wait up to that
    /// long for the data to be sent.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="linger">The setting.</param>
    /// <exception cref="ArgumentOutOfRangeException">On Windows, <paramref name="linger"/>'s seconds exceed 65,535 (its <c>l_linger</c> is a <c>u_short</c>).</exception>
    /// <exception cref="OSErrorException"><c>setsockopt</c> failed (EBADF for a closed handle).</exception>
    public static void SetLinger(SocketHandle socket, Linger linger)
    {
        if (OperatingSystem.IsWindows() && linger.Seconds > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(linger), linger.Seconds, "Windows' linger time is at most 65,535 seconds.");
        }

        var storage = stackalloc int[2];
        var value = new Native.linger(storage)
        {
            l_onoff = linger.Enabled ? 1 : 0,
            l_linger = linger.Seconds,
        };
        SetOptionOrThrow(socket, Native.SOL_SOCKET, Native.SO_LINGER, value.Pointer, (uint)Native.linger.Size);
    }

    /// <summary>
    /// Reads <see cref="SO_RCVTIMEO"/>: how long a blocking receive waits before failing with
    /// <see cref="EAGAIN"/> (a time-out on Windows), or <see cref="Timeout.InfiniteTimeSpan"/> when it waits
    /// for ever. The system may have rounded the time set up to its clock's tick.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <exception cref="OSErrorException"><c>getsockopt</c> failed (EBADF for a closed handle).</exception>
    public static TimeSpan GetReceiveTimeout(SocketHandle socket) => GetTimeout(socket, Native.SO_RCVTIMEO);

    /// <summary>
    /// Sets <see cref="SO_RCVTIMEO"/>: how long a blocking receive waits before failing with
    /// <see cref="EAGAIN"/> (WSAETIMEDOUT on Windows). <see cref="Timeout.InfiniteTimeSpan"/> or
    /// <see cref="TimeSpan.Zero"/> (C's 0) waits for ever. The time is rounded up to the platform's unit
    /// (a microsecond on POSIX, a millisecond on Windows), so a positive timeout never becomes 0.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="timeout">The timeout: zero, positive up to <see cref="int.MaxValue"/> milliseconds, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than <see cref="Timeout.InfiniteTimeSpan"/>) or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="OSErrorException"><c>setsockopt</c> failed (EBADF for a closed handle).</exception>
    public static void SetReceiveTimeout(SocketHandle socket, TimeSpan timeout) => SetTimeout(socket, Native.SO_RCVTIMEO, timeout);

    /// <summary>
    /// Reads <see cref="SO_SNDTIMEO"/>: how long a blocking send waits for room before failing, or
    /// <see cref="Timeout.InfiniteTimeSpan"/> when it waits for ever.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <exception cref="OSErrorException"><c>getsockopt</c> failed (EBADF for a closed handle).</exception>
    public static TimeSpan GetSendTimeout(SocketHandle socket) => GetTimeout(socket, Native.SO_SNDTIMEO);

    /// <summary>
    /// Sets <see cref="SO_SNDTIMEO"/>: how long a blocking send waits for room before failing with
    /// <see cref="EAGAIN"/> (WSAETIMEDOUT on Windows); zero or <see cref="Timeout.InfiniteTimeSpan"/> waits for
    /// ever. Rounded up as <see cref="SetReceiveTimeout"/> rounds.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="timeout">The timeout: zero, positive up to <see cref="int.MaxValue"/> milliseconds, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than <see cref="Timeout.InfiniteTimeSpan"/>) or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="OSErrorException"><c>setsockopt</c> failed (EBADF for a closed handle).</exception>
    public static void SetSendTimeout(SocketHandle socket, TimeSpan timeout) => SetTimeout(socket, Native.SO_SNDTIMEO, timeout);

    private static TimeSpan GetTimeout(SocketHandle socket, int optname)
    {
        if (OperatingSystem.IsWindows())
        {
            uint milliseconds = 0;
            _ = GetOptionOrThrow(socket, Native.SOL_SOCKET, optname, &milliseconds, sizeof(uint));
            return milliseconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(milliseconds);
        }

        // The largest platform struct timeval is 16 bytes.
        var storage = stackalloc long[2];
        _ = GetOptionOrThrow(socket, Native.SOL_SOCKET, optname, storage, (uint)Native.timeval.Size);
        var value = new Native.timeval(storage);
        var microseconds = (value.tv_sec * 1_000_000) + value.tv_usec;
        return microseconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(microseconds * TimeSpan.TicksPerMicrosecond);
    }

    private static void SetTimeout(SocketHandle socket, int optname, TimeSpan timeout)
    {
        if (timeout != Timeout.InfiniteTimeSpan && (timeout < TimeSpan.Zero || timeout > LongestTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A socket timeout is zero or positive up to int.MaxValue milliseconds, or Timeout.InfiniteTimeSpan.");
        }

        var ticks = timeout == Timeout.InfiniteTimeSpan ? 0 : timeout.Ticks;
        if (OperatingSystem.IsWindows())
        {
            var milliseconds = (uint)((ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
            SetOptionOrThrow(socket, Native.SOL_SOCKET, optname, &milliseconds, sizeof(uint));
            return;
        }

        var microseconds = (ticks + TimeSpan.TicksPerMicrosecond - 1) / TimeSpan.TicksPerMicrosecond;
        var storage = stackalloc long[2];
        var value = new Native.timeval(storage)
        {
            tv_sec = microseconds / 1_000_000,
            tv_usec = microseconds % 1_000_000,
        };
        SetOptionOrThrow(socket, Native.SOL_SOCKET, optname, value.Pointer, (uint)Native.timeval.Size);
    }
}
