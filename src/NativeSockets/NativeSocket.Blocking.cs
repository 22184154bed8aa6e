using NativeSockets.Interop;

namespace NativeSockets;

public static partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>setBlocking</c>: makes calls on the socket wait (<paramref name="blocking"/> true) or
    /// fail at once with <see cref="EAGAIN"/> (false), by setting or clearing <see cref="O_NONBLOCK"/>.
    /// Setting the mode the socket already has changes nothing. New sockets start blocking, and on
    /// Linux an accepted socket does not take its listener's mode.
    /// </summary>
    /// <exception cref="OSErrorException"><c>fcntl</c> failed (EBADF for a closed handle).</exception>
    public static void SetBlocking(SocketHandle socket, bool blocking)
    {
        var flags = Native.fcntl(socket.FileDescriptor, Native.F_GETFL, 0);
        if (flags < 0)
        {
            throw OSErrorException.FromLastError();
        }

        var updated = blocking ? flags & ~Native.O_NONBLOCK : flags | Native.O_NONBLOCK;
        if (updated != flags && Native.fcntl(socket.FileDescriptor, Native.F_SETFL, updated) < 0)
        {
            throw OSErrorException.FromLastError();
        }
    }
}
