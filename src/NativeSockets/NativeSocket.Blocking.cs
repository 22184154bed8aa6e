using System;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>setBlocking</c>: makes calls on the socket wait (<paramref name="blocking"/> true) or
    /// fail at once with <see cref="EAGAIN"/> (false), by setting or clearing <see cref="O_NONBLOCK"/>.
    /// Setting the mode the socket already has changes nothing. New sockets start blocking, and on
    /// Linux an accepted socket does not take its listener's mode. On Windows it is
    /// <c>ioctlsocket(FIONBIO)</c>, and the would-block error is <see cref="WSAEWOULDBLOCK"/> (which
    /// <see cref="EAGAIN"/> also names there).
    /// </summary>
    /// <exception cref="OSErrorException">
    /// <c>fcntl</c> failed (EBADF for a closed handle); on Windows <c>ioctlsocket</c> failed (WSAENOTSOCK).
    /// </exception>
    public static void SetBlocking(SocketHandle socket, bool blocking)
    {
        if (!TrySetBlocking(socket, blocking))
        {
            throw OSErrorException.FromLastError();
        }
    }

    /// <summary><see cref="SetBlocking"/> reporting failure by its result, the error in <see cref="LastError"/>.</summary>
    private static bool TrySetBlocking(SocketHandle socket, bool blocking)
    {
        if (OperatingSystem.IsWindows())
        {
            uint nonBlocking = blocking ? 0u : 1u;
            return IoctlSocket(socket, FIONBIO, &nonBlocking) == 0;
        }

        var flags = Native.fcntl(socket.FileDescriptor, Native.F_GETFL, 0);
        if (flags < 0)
        {
            return false;
        }

        var updated = blocking ? flags & ~Native.O_NONBLOCK : flags | Native.O_NONBLOCK;
        return updated == flags || Native.fcntl(socket.FileDescriptor, Native.F_SETFL, updated) >= 0;
    }
}
