using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

// Sockets made or accepted in the mode the caller wants, in one system call where the platform can:
// socket()/accept4() with SOCK_NONBLOCK and SOCK_CLOEXEC on Linux and FreeBSD. macOS has neither flag
// (fcntl afterwards) and Windows sets the mode with ioctlsocket(FIONBIO). Like the Nim calls they extend,
// they report failure by their result, never by throwing for a native failure.
public static unsafe partial class NativeSocket
{
    /// <summary>
    /// <see cref="Accept(SocketHandle, bool)"/> that also sets the new socket's mode: non-blocking unless
    /// <paramref name="blocking"/>. On Linux and FreeBSD this is a single <c>accept4</c> call with
    /// <c>SOCK_NONBLOCK</c> and <c>SOCK_CLOEXEC</c> as asked; on macOS <c>accept</c> and then <c>fcntl</c>
    /// (an accepted socket there takes its listener's mode, so the mode is always set); on Windows
    /// <c>accept</c>, the handle's inherit flag and <c>ioctlsocket(FIONBIO)</c>. On failure returns
    /// (<see cref="OsInvalidSocket"/>, "") with the error in <see cref="Marshal.GetLastPInvokeError"/>; never
    /// throws. If setting the mode fails after the connection was taken, the new socket is closed (the
    /// connection is lost) and the error is that of the setting.
    /// </summary>
    /// <param name="fd">A listening socket.</param>
    /// <param name="inheritable">Whether child processes get the new socket.</param>
    /// <param name="blocking">Whether calls on the new socket wait (true) or fail at once with <see cref="EAGAIN"/> (false).</param>
    public static (SocketHandle Client, string Address) Accept(SocketHandle fd, bool inheritable, bool blocking) =>
        AcceptWithText(fd, inheritable, blocking);

    /// <summary>
    /// <see cref="Accept(SocketHandle, out SockAddrStorage, out SockLen, bool)"/> that also sets the new
    /// socket's mode, as <see cref="Accept(SocketHandle, bool, bool)"/> does: one <c>accept4</c> call on
    /// Linux and FreeBSD, nothing allocated. Returns the new socket, or <see cref="OsInvalidSocket"/> with
    /// the error in <see cref="Marshal.GetLastPInvokeError"/>; never throws.
    /// </summary>
    /// <param name="fd">A listening socket.</param>
    /// <param name="peer">Receives the peer's address.</param>
    /// <param name="peerLength">Receives the length of the peer's address (default on failure).</param>
    /// <param name="inheritable">Whether child processes get the new socket.</param>
    /// <param name="blocking">Whether calls on the new socket wait (true) or fail at once with <see cref="EAGAIN"/> (false).</param>
    public static SocketHandle Accept(SocketHandle fd, out SockAddrStorage peer, out SockLen peerLength, bool inheritable, bool blocking) =>
        AcceptWithAddress(fd, out peer, out peerLength, inheritable, blocking);

    /// <summary>
    /// <see cref="CreateNativeSocket(int, int, int, bool)"/> that also sets the socket's mode: non-blocking
    /// unless <paramref name="blocking"/>. On Linux and FreeBSD this is a single <c>socket</c> call with
    /// <c>SOCK_NONBLOCK</c> (added to <paramref name="sockType"/>, or removed from it for a blocking socket)
    /// and <c>SOCK_CLOEXEC</c>; on macOS <c>socket</c> and then <c>fcntl</c>; on Windows <c>WSASocketW</c>
    /// and then <c>ioctlsocket(FIONBIO)</c>. Returns <see cref="OsInvalidSocket"/> on failure, with the error
    /// in <see cref="Marshal.GetLastPInvokeError"/> (a socket whose mode could not be set is closed);
    /// never throws for a native failure.
    /// </summary>
    /// <param name="domain">The platform's address family number.</param>
    /// <param name="sockType">The platform's socket type number.</param>
    /// <param name="protocol">The platform's protocol number.</param>
    /// <param name="inheritable">Whether child processes get the socket.</param>
    /// <param name="blocking">Whether calls on the socket wait (true) or fail at once with <see cref="EAGAIN"/> (false).</param>
    /// <exception cref="OSErrorException">Windows only: Winsock could not be started.</exception>
    public static SocketHandle CreateNativeSocket(int domain, int sockType, int protocol, bool inheritable, bool blocking)
    {
        if (!OperatingSystem.IsWindows() && Native.Defined.SOCK_NONBLOCK)
        {
            var typed = blocking ? sockType & ~Native.SOCK_NONBLOCK : sockType | Native.SOCK_NONBLOCK;
            return CreateNativeSocket(domain, typed, protocol, inheritable);
        }

        // A new socket starts blocking on every platform.
        var socket = CreateNativeSocket(domain, sockType, protocol, inheritable);
        return socket.IsInvalid || blocking ? socket : KeptOrClosed(socket, TrySetBlocking(socket, blocking: false));
    }

    /// <summary>
    /// Nim's <c>createNativeSocket</c> with the socket's mode, as
    /// <see cref="CreateNativeSocket(int, int, int, bool, bool)"/> sets it. Returns
    /// <see cref="OsInvalidSocket"/> on failure, with the error in <see cref="Marshal.GetLastPInvokeError"/>;
    /// never throws for a native failure.
    /// </summary>
    /// <param name="domain">The address family.</param>
    /// <param name="sockType">The socket type.</param>
    /// <param name="protocol">The protocol.</param>
    /// <param name="inheritable">Whether child processes get the socket.</param>
    /// <param name="blocking">Whether calls on the socket wait (true) or fail at once with <see cref="EAGAIN"/> (false).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a member of its enum.</exception>
    public static SocketHandle CreateNativeSocket(Domain domain, SockType sockType, Protocol protocol, bool inheritable, bool blocking) =>
        CreateNativeSocket(ToInt(domain), ToInt(sockType), ToInt(protocol), inheritable, blocking);
}
