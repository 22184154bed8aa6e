using NativeSockets.Interop;

namespace NativeSockets;

// The names Nim exports on Windows only: Winsock's error numbers as WSAGetLastError reports them, and
// ioctlsocket with the parts of its FIONBIO command. Elsewhere each throws PlatformNotSupportedException
// naming itself (FIONBIO excepted: POSIX platforms have their own).
public static unsafe partial class NativeSocket
{
    /// <summary>Nim's <c>WSAEWOULDBLOCK</c> (Windows): the operation would block on a non-blocking socket.</summary>
    public static int WSAEWOULDBLOCK => Native.WSAEWOULDBLOCK;

    /// <summary>Nim's <c>WSAECONNRESET</c> (Windows): the peer reset the connection.</summary>
    public static int WSAECONNRESET => Native.WSAECONNRESET;

    /// <summary>Nim's <c>WSAECONNABORTED</c> (Windows): the connection was aborted on this side.</summary>
    public static int WSAECONNABORTED => Native.WSAECONNABORTED;

    /// <summary>Nim's <c>WSAENETRESET</c> (Windows): keep-alive found the connection broken.</summary>
    public static int WSAENETRESET => Native.WSAENETRESET;

    /// <summary>Nim's <c>WSANOTINITIALISED</c> (Windows): Winsock was not started (this library starts it itself).</summary>
    public static int WSANOTINITIALISED => Native.WSANOTINITIALISED;

    /// <summary>Nim's <c>WSAENOTSOCK</c> (Windows): the handle is not a socket, or no longer one.</summary>
    public static int WSAENOTSOCK => Native.WSAENOTSOCK;

    /// <summary>Nim's <c>WSAEINPROGRESS</c> (Windows): a blocking Winsock 1.1 call is in progress.</summary>
    public static int WSAEINPROGRESS => Native.WSAEINPROGRESS;

    /// <summary>Nim's <c>WSAEINTR</c> (Windows): a blocking call was cancelled.</summary>
    public static int WSAEINTR => Native.WSAEINTR;

    /// <summary>Nim's <c>WSAEDISCON</c> (Windows): the peer has begun a graceful shutdown.</summary>
    public static int WSAEDISCON => Native.WSAEDISCON;

    /// <summary>Nim's <c>ERROR_NETNAME_DELETED</c> (Windows): an overlapped operation found the connection gone.</summary>
    public static int ERROR_NETNAME_DELETED => Native.ERROR_NETNAME_DELETED;

    /// <summary>Nim's <c>IOCPARM_MASK</c> (Windows): the mask of the parameter size in an <c>ioctlsocket</c> command.</summary>
    public static uint IOCPARM_MASK => Native.IOCPARM_MASK;

    /// <summary>Nim's <c>IOC_IN</c> (Windows): the direction bit of an <c>ioctlsocket</c> command that takes input. The other platforms but musl define it for <c>ioctl</c>; musl does not, so it throws PlatformNotSupportedException there.</summary>
    public static uint IOC_IN => Native.IOC_IN;

    /// <summary>
    /// Nim's <c>FIONBIO</c>: the command that sets a socket's non-blocking mode, for
    /// <see cref="IoctlSocket"/> on Windows (there, <c>0x8004667E</c> as a signed 32-bit number). The
    /// value is the platform's 32-bit command; macOS and FreeBSD's <c>ioctl</c> take it as an unsigned
    /// long, so widen it with <c>(uint)</c> there.
    /// </summary>
    public static int FIONBIO => unchecked((int)Native.FIONBIO);

    /// <summary>
    /// Nim's <c>ioctlsocket</c> (Windows only): Winsock's control call, e.g. <c>IoctlSocket(s, FIONBIO, &amp;on)</c>
    /// with <c>on</c> non-zero for non-blocking. Returns 0, or -1 with the error in <see cref="LastError"/>;
    /// never throws for a native failure. <see cref="SetBlocking"/> does the same on every platform.
    /// </summary>
    /// <exception cref="System.PlatformNotSupportedException">Not on Windows.</exception>
    public static int IoctlSocket(SocketHandle socket, int command, uint* argument)
    {
        Winsock.EnsureStarted();
        return Native.ioctlsocket(unchecked((nuint)socket.Value), command, argument);
    }
}
