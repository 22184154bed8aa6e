using System;
using NativeSockets.Interop;

namespace NativeSockets;

// Nim re-exports these from posix/winlean. They differ between platforms, so each reads the running
// platform's value and none is a const.
public static partial class NativeSocket
{
    /// <summary>Nim's <c>SOL_SOCKET</c>: the level of the socket's own options (the SO_* names), for <see cref="GetSockOptInt"/> and <see cref="SetSockOptInt"/>.</summary>
    public static int SOL_SOCKET => Native.SOL_SOCKET;

    /// <summary>Nim's <c>SOMAXCONN</c>: the backlog <see cref="Listen(SocketHandle)"/> asks for (the kernel may clamp it).</summary>
    public static int SOMAXCONN => Native.SOMAXCONN;

    /// <summary>Nim's <c>SO_ACCEPTCONN</c>: whether the socket is listening (read only).</summary>
    public static int SO_ACCEPTCONN => Native.SO_ACCEPTCONN;

    /// <summary>Nim's <c>SO_BROADCAST</c>: whether datagrams may be sent to broadcast addresses.</summary>
    public static int SO_BROADCAST => Native.SO_BROADCAST;

    /// <summary>Nim's <c>SO_DEBUG</c>: whether the protocol records debugging information.</summary>
    public static int SO_DEBUG => Native.SO_DEBUG;

    /// <summary>The platform's <c>SO_DOMAIN</c>: the socket's address family as the platform numbers it (read only). Linux and FreeBSD only: macOS and Windows have no such option, so it throws PlatformNotSupportedException there.</summary>
    public static int SO_DOMAIN => Native.SO_DOMAIN;

    /// <summary>Nim's <c>SO_DONTROUTE</c>: whether outgoing messages bypass routing and go to directly connected hosts only.</summary>
    public static int SO_DONTROUTE => Native.SO_DONTROUTE;

    /// <summary>Nim's <c>SO_ERROR</c>: the socket's pending error, cleared by reading it (read only); how a non-blocking connect reports its outcome.</summary>
    public static int SO_ERROR => Native.SO_ERROR;

    /// <summary>Nim's <c>SO_KEEPALIVE</c>: whether the protocol probes idle connections.</summary>
    public static int SO_KEEPALIVE => Native.SO_KEEPALIVE;

    /// <summary>The platform's <c>SO_LINGER</c>: how close waits for unsent data (a <c>struct linger</c>, not an int).</summary>
    public static int SO_LINGER => Native.SO_LINGER;

    /// <summary>Nim's <c>SO_OOBINLINE</c>: whether out-of-band data is kept in the normal data stream.</summary>
    public static int SO_OOBINLINE => Native.SO_OOBINLINE;

    /// <summary>The platform's <c>SO_PROTOCOL</c>: the socket's protocol number (read only). Linux and FreeBSD only: macOS and Windows have no such option, so it throws PlatformNotSupportedException there.</summary>
    public static int SO_PROTOCOL => Native.SO_PROTOCOL;

    /// <summary>The platform's <c>SO_RCVBUF</c>: the receive buffer size in bytes.</summary>
    public static int SO_RCVBUF => Native.SO_RCVBUF;

    /// <summary>The platform's <c>SO_RCVLOWAT</c>: the least number of bytes a receive waits for.</summary>
    public static int SO_RCVLOWAT => Native.SO_RCVLOWAT;

    /// <summary>The platform's <c>SO_RCVTIMEO</c>: the receive timeout (a <c>struct timeval</c>, not an int).</summary>
    public static int SO_RCVTIMEO => Native.SO_RCVTIMEO;

    /// <summary>Nim's <c>SO_REUSEADDR</c>: whether a local address in TIME_WAIT may be bound again.</summary>
    public static int SO_REUSEADDR => Native.SO_REUSEADDR;

    /// <summary>Nim's <c>SO_REUSEPORT</c>: whether several sockets may bind the same address and port. Windows has no such option: it throws PlatformNotSupportedException there.</summary>
    public static int SO_REUSEPORT => Native.SO_REUSEPORT;

    /// <summary>The platform's <c>SO_SNDBUF</c>: the send buffer size in bytes.</summary>
    public static int SO_SNDBUF => Native.SO_SNDBUF;

    /// <summary>The platform's <c>SO_SNDLOWAT</c>: the least number of bytes a send waits to have room for.</summary>
    public static int SO_SNDLOWAT => Native.SO_SNDLOWAT;

    /// <summary>The platform's <c>SO_SNDTIMEO</c>: the send timeout (a <c>struct timeval</c>, not an int).</summary>
    public static int SO_SNDTIMEO => Native.SO_SNDTIMEO;

    /// <summary>The platform's <c>SO_TYPE</c>: the socket's type number (read only).</summary>
    public static int SO_TYPE => Native.SO_TYPE;

    /// <summary>Nim's <c>MSG_PEEK</c>: receives data without removing it from the queue.</summary>
    public static int MSG_PEEK => Native.MSG_PEEK;

    /// <summary>
    /// Nim's <c>MSG_NOSIGNAL</c>: sends without raising SIGPIPE when the peer has gone (the call fails with
    /// EPIPE instead). 0 on Windows, which has no SIGPIPE (as in Nim's winlean), so portable code can pass it.
    /// </summary>
    public static int MSG_NOSIGNAL => OperatingSystem.IsWindows() ? 0 : Native.MSG_NOSIGNAL;

    /// <summary>Nim's <c>INADDR_ANY</c>: the IPv4 wildcard address (0.0.0.0), in host byte order.</summary>
    public static uint INADDR_ANY => Native.INADDR_ANY;

    /// <summary>Nim's <c>F_GETFL</c>: the <c>fcntl</c> command that reads a descriptor's status flags (such as <see cref="O_NONBLOCK"/>). POSIX only: it throws PlatformNotSupportedException on Windows.</summary>
    public static int F_GETFL => Native.F_GETFL;

    /// <summary>Nim's <c>F_SETFL</c>: the <c>fcntl</c> command that writes a descriptor's status flags. POSIX only: it throws PlatformNotSupportedException on Windows.</summary>
    public static int F_SETFL => Native.F_SETFL;

    /// <summary>Nim's <c>O_NONBLOCK</c>: the status flag of a non-blocking descriptor; see <see cref="SetBlocking"/>. POSIX only: it throws PlatformNotSupportedException on Windows.</summary>
    public static int O_NONBLOCK => Native.O_NONBLOCK;
}
