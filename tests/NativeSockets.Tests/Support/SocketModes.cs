using System;
using NativeSockets.Interop;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>Whether a socket is blocking, asked of the system rather than of the library.</summary>
internal static class SocketModes
{
    /// <summary>
    /// True when calls on the socket fail at once rather than wait. POSIX: O_NONBLOCK, read with the
    /// platform's fcntl. Windows cannot read FIONBIO back, so there a receive on the socket, which must be
    /// connected (or a bound datagram socket) with nothing to read, tells: with a receive timeout set, a
    /// non-blocking socket answers WSAEWOULDBLOCK at once and a blocking one WSAETIMEDOUT after the wait.
    /// </summary>
    public static bool IsNonBlocking(SocketHandle socket)
    {
        if (!OperatingSystem.IsWindows())
        {
            var flags = Native.fcntl((int)socket.Value, Native.F_GETFL, 0);
            Assert.True(flags >= 0, $"fcntl(F_GETFL) failed: errno {NativeSocket.LastError}");
            return (flags & Native.O_NONBLOCK) != 0;
        }

        NativeSocket.SetReceiveTimeout(socket, TimeSpan.FromMilliseconds(50));
        var received = NativeSocket.Recv(socket, new byte[1]);
        var error = NativeSocket.LastError;
        Assert.Equal(-1, received);
        Assert.True(error == NativeSocket.EWOULDBLOCK || error == NativeSocket.ETIMEDOUT, $"the receive failed with {error}");
        return error == NativeSocket.EWOULDBLOCK;
    }

    /// <summary>Asserts a receive on the socket, with nothing to read, fails at once with EAGAIN (WSAEWOULDBLOCK).</summary>
    public static void AssertReceiveWouldBlock(SocketHandle socket)
    {
        Assert.Equal(-1, NativeSocket.Recv(socket, new byte[1]));
        Assert.Equal(NativeSocket.EAGAIN, NativeSocket.LastError);
    }
}
