using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getSockOptInt</c>: reads an option whose value is a C <c>int</c>, such as
    /// <c>GetSockOptInt(s, SOL_SOCKET, SO_ERROR)</c>. Booleans read back as 0 or 1.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="level">The option's level: <see cref="SOL_SOCKET"/>, or a protocol number.</param>
    /// <param name="optname">The option's platform number, such as <see cref="SO_REUSEADDR"/>.</param>
    /// <exception cref="OSErrorException"><c>getsockopt</c> failed (EBADF for a closed handle, ENOPROTOOPT for an option the level does not know).</exception>
    public static int GetSockOptInt(SocketHandle socket, int level, int optname)
    {
        var value = 0;
        _ = GetOptionOrThrow(socket, level, optname, &value, sizeof(int));
        return value;
    }

    /// <summary>
    /// Nim's <c>setSockOptInt</c>: sets an option whose value is a C <c>int</c>, such as
    /// <c>SetSockOptInt(s, SOL_SOCKET, SO_REUSEADDR, 1)</c>.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="level">The option's level: <see cref="SOL_SOCKET"/>, or a protocol number.</param>
    /// <param name="optname">The option's platform number, such as <see cref="SO_REUSEADDR"/>.</param>
    /// <param name="optval">The value; for a boolean option any non-zero value is true.</param>
    /// <exception cref="OSErrorException"><c>setsockopt</c> failed (EBADF for a closed handle, ENOPROTOOPT for an option the level does not know).</exception>
    public static void SetSockOptInt(SocketHandle socket, int level, int optname, int optval)
    {
        SetOptionOrThrow(socket, level, optname, &optval, sizeof(int));
    }

    /// <summary>getsockopt into <paramref name="room"/> bytes at <paramref name="value"/>; returns the length the system wrote.</summary>
    private static uint GetOptionOrThrow(SocketHandle socket, int level, int optname, void* value, uint room)
    {
        var length = room;
        if (Native.getsockopt(socket.FileDescriptor, level, optname, value, &length) != 0)
        {
            throw OSErrorException.FromLastError();
        }

        return length;
    }

    /// <summary>setsockopt of <paramref name="length"/> bytes at <paramref name="value"/>.</summary>
    private static void SetOptionOrThrow(SocketHandle socket, int level, int optname, void* value, uint length)
    {
        if (Native.setsockopt(socket.FileDescriptor, level, optname, value, length) != 0)
        {
            throw OSErrorException.FromLastError();
        }
    }
}
