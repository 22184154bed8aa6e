using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

// Nim re-exports the common errno names. Their numbers differ between platforms (EAGAIN is 11 on Linux,
// 35 on macOS), so each reads the running platform's value and none is a const. On Windows, where
// socket errors are Winsock's own numbers (the C runtime's errno values are unrelated), each name is
// its Winsock counterpart: EWOULDBLOCK and EAGAIN are WSAEWOULDBLOCK, EBADF is WSAEBADF, and so on
// (EINPROGRESS is WSAEWOULDBLOCK too: that is what a non-blocking connect reports there).
// The few names Winsock has no counterpart for (ENFILE, EPERM, EPIPE) throw PlatformNotSupportedException there.
public static partial class NativeSocket
{
    /// <summary>
    /// The error code of the last native call this library made on the current thread that reports
    /// failure through errno, or through <c>WSAGetLastError</c> on Windows (the same value as
    /// <see cref="Marshal.GetLastPInvokeError"/>): read it after a
    /// call that returned -1 or <see cref="OsInvalidSocket"/>, before making another native call.
    /// Compare it with the errno names below.
    /// </summary>
    public static int LastError => Marshal.GetLastPInvokeError();

    /// <summary>The platform's <c>EACCES</c>: Permission denied.</summary>
    public static int EACCES => OperatingSystem.IsWindows() ? Native.WSAEACCES : Native.EACCES;

    /// <summary>The platform's <c>EADDRINUSE</c>: The address is already in use.</summary>
    public static int EADDRINUSE => OperatingSystem.IsWindows() ? Native.WSAEADDRINUSE : Native.EADDRINUSE;

    /// <summary>The platform's <c>EADDRNOTAVAIL</c>: The address is not available on this host.</summary>
    public static int EADDRNOTAVAIL => OperatingSystem.IsWindows() ? Native.WSAEADDRNOTAVAIL : Native.EADDRNOTAVAIL;

    /// <summary>The platform's <c>EAFNOSUPPORT</c>: The address family is not supported.</summary>
    public static int EAFNOSUPPORT => OperatingSystem.IsWindows() ? Native.WSAEAFNOSUPPORT : Native.EAFNOSUPPORT;

    /// <summary>Nim's <c>EAGAIN</c>: The operation would block on a non-blocking socket; try again later.</summary>
    public static int EAGAIN => OperatingSystem.IsWindows() ? Native.WSAEWOULDBLOCK : Native.EAGAIN;

    /// <summary>The platform's <c>EALREADY</c>: A connection attempt is already in progress.</summary>
    public static int EALREADY => OperatingSystem.IsWindows() ? Native.WSAEALREADY : Native.EALREADY;

    /// <summary>Nim's <c>EBADF</c>: Not an open descriptor.</summary>
    public static int EBADF => OperatingSystem.IsWindows() ? Native.WSAEBADF : Native.EBADF;

    /// <summary>The platform's <c>ECONNABORTED</c>: The connection was aborted.</summary>
    public static int ECONNABORTED => OperatingSystem.IsWindows() ? Native.WSAECONNABORTED : Native.ECONNABORTED;

    /// <summary>The platform's <c>ECONNREFUSED</c>: The peer refused the connection.</summary>
    public static int ECONNREFUSED => OperatingSystem.IsWindows() ? Native.WSAECONNREFUSED : Native.ECONNREFUSED;

    /// <summary>Nim's <c>ECONNRESET</c>: The peer reset the connection.</summary>
    public static int ECONNRESET => OperatingSystem.IsWindows() ? Native.WSAECONNRESET : Native.ECONNRESET;

    /// <summary>The platform's <c>EDESTADDRREQ</c>: The socket has no destination address.</summary>
    public static int EDESTADDRREQ => OperatingSystem.IsWindows() ? Native.WSAEDESTADDRREQ : Native.EDESTADDRREQ;

    /// <summary>The platform's <c>EFAULT</c>: An address argument points outside the process's memory.</summary>
    public static int EFAULT => OperatingSystem.IsWindows() ? Native.WSAEFAULT : Native.EFAULT;

    /// <summary>The platform's <c>EHOSTDOWN</c>: The host is down.</summary>
    public static int EHOSTDOWN => OperatingSystem.IsWindows() ? Native.WSAEHOSTDOWN : Native.EHOSTDOWN;

    /// <summary>The platform's <c>EHOSTUNREACH</c>: No route to the host.</summary>
    public static int EHOSTUNREACH => OperatingSystem.IsWindows() ? Native.WSAEHOSTUNREACH : Native.EHOSTUNREACH;

    /// <summary>
    /// Nim's <c>EINPROGRESS</c>: A non-blocking connect has started and not finished yet. On Windows that
    /// connect reports WSAEWOULDBLOCK (WSAEINPROGRESS means something else there: a Winsock 1.1 blocking
    /// call is running; <see cref="WSAEINPROGRESS"/> names it), so this is WSAEWOULDBLOCK.
    /// </summary>
    public static int EINPROGRESS => OperatingSystem.IsWindows() ? Native.WSAEWOULDBLOCK : Native.EINPROGRESS;

    /// <summary>Nim's <c>EINTR</c>: A signal interrupted the call.</summary>
    public static int EINTR => OperatingSystem.IsWindows() ? Native.WSAEINTR : Native.EINTR;

    /// <summary>The platform's <c>EINVAL</c>: An argument is invalid.</summary>
    public static int EINVAL => OperatingSystem.IsWindows() ? Native.WSAEINVAL : Native.EINVAL;

    /// <summary>The platform's <c>EISCONN</c>: The socket is already connected.</summary>
    public static int EISCONN => OperatingSystem.IsWindows() ? Native.WSAEISCONN : Native.EISCONN;

    /// <summary>The platform's <c>EMFILE</c>: The process has no free descriptors.</summary>
    public static int EMFILE => OperatingSystem.IsWindows() ? Native.WSAEMFILE : Native.EMFILE;

    /// <summary>The platform's <c>EMSGSIZE</c>: The message is too large to send at once.</summary>
    public static int EMSGSIZE => OperatingSystem.IsWindows() ? Native.WSAEMSGSIZE : Native.EMSGSIZE;

    /// <summary>The platform's <c>ENETDOWN</c>: The network is down.</summary>
    public static int ENETDOWN => OperatingSystem.IsWindows() ? Native.WSAENETDOWN : Native.ENETDOWN;

    /// <summary>Nim's <c>ENETRESET</c>: The network dropped the connection on reset.</summary>
    public static int ENETRESET => OperatingSystem.IsWindows() ? Native.WSAENETRESET : Native.ENETRESET;

    /// <summary>The platform's <c>ENETUNREACH</c>: The network is unreachable.</summary>
    public static int ENETUNREACH => OperatingSystem.IsWindows() ? Native.WSAENETUNREACH : Native.ENETUNREACH;

    /// <summary>The platform's <c>ENFILE</c>: The system has no free descriptors. Winsock has no counterpart: it throws PlatformNotSupportedException on Windows.</summary>
    public static int ENFILE => Native.ENFILE;

    /// <summary>The platform's <c>ENOBUFS</c>: No buffer space is available.</summary>
    public static int ENOBUFS => OperatingSystem.IsWindows() ? Native.WSAENOBUFS : Native.ENOBUFS;

    /// <summary>The platform's <c>ENOMEM</c>: Out of memory.</summary>
    public static int ENOMEM => OperatingSystem.IsWindows() ? Native.WSA_NOT_ENOUGH_MEMORY : Native.ENOMEM;

    /// <summary>The platform's <c>ENOPROTOOPT</c>: The option is not known at that level.</summary>
    public static int ENOPROTOOPT => OperatingSystem.IsWindows() ? Native.WSAENOPROTOOPT : Native.ENOPROTOOPT;

    /// <summary>The platform's <c>ENOTCONN</c>: The socket is not connected.</summary>
    public static int ENOTCONN => OperatingSystem.IsWindows() ? Native.WSAENOTCONN : Native.ENOTCONN;

    /// <summary>The platform's <c>ENOTSOCK</c>: The descriptor is not a socket.</summary>
    public static int ENOTSOCK => OperatingSystem.IsWindows() ? Native.WSAENOTSOCK : Native.ENOTSOCK;

    /// <summary>The platform's <c>EOPNOTSUPP</c>: The operation is not supported on this socket.</summary>
    public static int EOPNOTSUPP => OperatingSystem.IsWindows() ? Native.WSAEOPNOTSUPP : Native.EOPNOTSUPP;

    /// <summary>The platform's <c>EPERM</c>: The operation is not permitted. Winsock has no counterpart: it throws PlatformNotSupportedException on Windows.</summary>
    public static int EPERM => Native.EPERM;

    /// <summary>Nim's <c>EPIPE</c>: The connection is closed for writing. Winsock has no counterpart: it throws PlatformNotSupportedException on Windows.</summary>
    public static int EPIPE => Native.EPIPE;

    /// <summary>The platform's <c>EPROTONOSUPPORT</c>: The protocol is not supported.</summary>
    public static int EPROTONOSUPPORT => OperatingSystem.IsWindows() ? Native.WSAEPROTONOSUPPORT : Native.EPROTONOSUPPORT;

    /// <summary>The platform's <c>EPROTOTYPE</c>: The protocol does not fit the socket type.</summary>
    public static int EPROTOTYPE => OperatingSystem.IsWindows() ? Native.WSAEPROTOTYPE : Native.EPROTOTYPE;

    /// <summary>The platform's <c>ESHUTDOWN</c>: The socket was shut down for writing.</summary>
    public static int ESHUTDOWN => OperatingSystem.IsWindows() ? Native.WSAESHUTDOWN : Native.ESHUTDOWN;

    /// <summary>The platform's <c>ESOCKTNOSUPPORT</c>: The socket type is not supported in this family.</summary>
    public static int ESOCKTNOSUPPORT => OperatingSystem.IsWindows() ? Native.WSAESOCKTNOSUPPORT : Native.ESOCKTNOSUPPORT;

    /// <summary>The platform's <c>ETIMEDOUT</c>: The connection timed out.</summary>
    public static int ETIMEDOUT => OperatingSystem.IsWindows() ? Native.WSAETIMEDOUT : Native.ETIMEDOUT;

    /// <summary>Nim's <c>EWOULDBLOCK</c>: The operation would block; the same number as <see cref="EAGAIN"/> on Linux, not on every platform.</summary>
    public static int EWOULDBLOCK => OperatingSystem.IsWindows() ? Native.WSAEWOULDBLOCK : Native.EWOULDBLOCK;
}
