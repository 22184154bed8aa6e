using System;
using System.Net.Sockets;
using NativeSockets.Interop;

namespace NativeSockets;

// Bridges to System.Net.Sockets for code that mixes both. A descriptor must have exactly one owner that
// closes it, so each direction says in its signature who that is.
public static partial class NativeSocket
{
    /// <summary>
    /// Wraps the socket in a <see cref="SafeSocketHandle"/>, for <c>new Socket(safeHandle)</c>. With
    /// <paramref name="ownsHandle"/> true the wrapper takes over the descriptor: disposing it (or the
    /// <see cref="Socket"/> built on it) closes the descriptor, and the caller must no longer
    /// <see cref="Close(SocketHandle)"/> it. With false the caller keeps ownership and must keep the
    /// descriptor open for as long as the wrapper is used, closing it only afterwards. System.Net may
    /// change the descriptor's blocking mode when it runs asynchronous operations on it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="socket"/> is <see cref="OsInvalidSocket"/>.</exception>
    public static SafeSocketHandle ToSafeSocketHandle(SocketHandle socket, bool ownsHandle)
    {
        if (socket.IsInvalid)
        {
            throw new ArgumentException("OsInvalidSocket names no socket to wrap.", nameof(socket));
        }

        return new SafeSocketHandle(socket.Value, ownsHandle);
    }

    /// <summary>
    /// The socket inside a <see cref="SafeSocketHandle"/> (such as <see cref="Socket.SafeHandle"/>), for the
    /// calls of this library. With <paramref name="duplicate"/> false it is the wrapper's own descriptor,
    /// borrowed: the wrapper still owns it, so the caller must not close it nor use it once the wrapper is
    /// disposed. With true it is a new descriptor for the same socket (close-on-exec, as
    /// <c>dup</c> makes it; on Windows a new, non-inheritable <c>SOCKET</c> from
    /// <c>WSADuplicateSocketW</c>), owned by the caller, who must <see cref="Close(SocketHandle)"/> it; the
    /// socket stays open until both the wrapper and the duplicate are closed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="handle"/> is null.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="handle"/> is closed.</exception>
    /// <exception cref="OSErrorException">The descriptor could not be duplicated (EMFILE when the process has none left).</exception>
    public static SocketHandle FromSafeSocketHandle(SafeSocketHandle handle, bool duplicate)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ObjectDisposedException.ThrowIf(handle.IsClosed || handle.IsInvalid, handle);
        var added = false;
        try
        {
            // Held so that the wrapper cannot close the descriptor while it is being duplicated.
            handle.DangerousAddRef(ref added);
            var socket = new SocketHandle(handle.DangerousGetHandle());
            if (!duplicate)
            {
                return socket;
            }

            var copy = OperatingSystem.IsWindows() ? DuplicateWinsockSocket(socket) : new SocketHandle(Native.fcntl(socket.FileDescriptor, Native.F_DUPFD_CLOEXEC, 0));
            return !copy.IsInvalid ? copy : throw OSErrorException.FromLastError(OperatingSystem.IsWindows() ? "WSADuplicateSocketW" : "F_DUPFD_CLOEXEC");
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// A second <c>SOCKET</c> for the same socket: Winsock's documented way is to describe it with
    /// <c>WSADuplicateSocketW</c> for a process (this one) and open the description with <c>WSASocketW</c>;
    /// <c>DuplicateHandle</c> is not supported for sockets.
    /// </summary>
    private static unsafe SocketHandle DuplicateWinsockSocket(SocketHandle socket)
    {
        var description = stackalloc byte[Native._WSAPROTOCOL_INFOW.Size];
        if (Native.WSADuplicateSocketW(unchecked((nuint)socket.Value), Native.GetCurrentProcessId(), description) != 0)
        {
            return OsInvalidSocket;
        }

        var fromDescription = Native.FROM_PROTOCOL_INFO;
        return new SocketHandle(unchecked((nint)Native.WSASocketW(
            fromDescription, fromDescription, fromDescription, description, 0, Native.WSA_FLAG_OVERLAPPED | Native.WSA_FLAG_NO_HANDLE_INHERIT)));
    }
}
