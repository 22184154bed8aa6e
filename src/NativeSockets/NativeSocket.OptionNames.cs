using System;
using NativeSockets.Interop;

namespace NativeSockets;

// The option levels and names a server or client sets with GetSockOptInt/SetSockOptInt, GetSockOpt and
// SetSockOpt, and shutdown's directions. Each reads the running platform's number (they differ between
// platforms, so none is a const); a name the platform does not have throws PlatformNotSupportedException
// naming it. The socket-level SO_* names are in NativeSocket.Constants.cs.
public static partial class NativeSocket
{
    /// <summary>The platform's <c>IPPROTO_IP</c> as an option level: the IPv4 options (the IP_* names).</summary>
    public static int IPPROTO_IP => Native.IPPROTO_IP;

    /// <summary>The platform's <c>IPPROTO_IPV6</c> as an option level: the IPv6 options (the IPV6_* names).</summary>
    public static int IPPROTO_IPV6 => Native.IPPROTO_IPV6;

    /// <summary>The platform's <c>IPPROTO_TCP</c> as an option level: the TCP options (the TCP_* names).</summary>
    public static int IPPROTO_TCP => Native.IPPROTO_TCP;

    /// <summary>The platform's <c>IPPROTO_UDP</c> as an option level.</summary>
    public static int IPPROTO_UDP => Native.IPPROTO_UDP;

    /// <summary>The platform's <c>TCP_NODELAY</c> (level <see cref="IPPROTO_TCP"/>): whether small segments are sent at once rather than gathered (Nagle's algorithm off).</summary>
    public static int TCP_NODELAY => Native.TCP_NODELAY;

    /// <summary>The platform's <c>TCP_MAXSEG</c> (level <see cref="IPPROTO_TCP"/>): the largest segment TCP sends, in bytes.</summary>
    public static int TCP_MAXSEG => Native.TCP_MAXSEG;

    /// <summary>
    /// The platform's <c>TCP_KEEPIDLE</c> (level <see cref="IPPROTO_TCP"/>): the seconds a connection is idle
    /// before keep-alive probes start (with <see cref="SO_KEEPALIVE"/> on). macOS calls it <c>TCP_KEEPALIVE</c>,
    /// whose number this is there.
    /// </summary>
    public static int TCP_KEEPIDLE => OperatingSystem.IsMacOS() ? Native.TCP_KEEPALIVE : Native.TCP_KEEPIDLE;

    /// <summary>The platform's <c>TCP_KEEPINTVL</c> (level <see cref="IPPROTO_TCP"/>): the seconds between keep-alive probes.</summary>
    public static int TCP_KEEPINTVL => Native.TCP_KEEPINTVL;

    /// <summary>The platform's <c>TCP_KEEPCNT</c> (level <see cref="IPPROTO_TCP"/>): the unanswered keep-alive probes after which the connection is dropped.</summary>
    public static int TCP_KEEPCNT => Native.TCP_KEEPCNT;

    /// <summary>The platform's <c>IP_TOS</c> (level <see cref="IPPROTO_IP"/>): the type-of-service byte of outgoing packets.</summary>
    public static int IP_TOS => Native.IP_TOS;

    /// <summary>The platform's <c>IP_TTL</c> (level <see cref="IPPROTO_IP"/>): the time-to-live of outgoing unicast packets.</summary>
    public static int IP_TTL => Native.IP_TTL;

    /// <summary>The platform's <c>IP_HDRINCL</c> (level <see cref="IPPROTO_IP"/>): whether a raw socket's data begins with the IP header.</summary>
    public static int IP_HDRINCL => Native.IP_HDRINCL;

    /// <summary>The platform's <c>IP_MULTICAST_IF</c> (level <see cref="IPPROTO_IP"/>): the interface address outgoing multicast leaves by (an <c>in_addr</c>).</summary>
    public static int IP_MULTICAST_IF => Native.IP_MULTICAST_IF;

    /// <summary>The platform's <c>IP_MULTICAST_TTL</c> (level <see cref="IPPROTO_IP"/>): the time-to-live of outgoing multicast.</summary>
    public static int IP_MULTICAST_TTL => Native.IP_MULTICAST_TTL;

    /// <summary>The platform's <c>IP_MULTICAST_LOOP</c> (level <see cref="IPPROTO_IP"/>): whether outgoing multicast is looped back to this host.</summary>
    public static int IP_MULTICAST_LOOP => Native.IP_MULTICAST_LOOP;

    /// <summary>The platform's <c>IP_ADD_MEMBERSHIP</c> (level <see cref="IPPROTO_IP"/>): joins a multicast group (an <c>ip_mreq</c>).</summary>
    public static int IP_ADD_MEMBERSHIP => Native.IP_ADD_MEMBERSHIP;

    /// <summary>The platform's <c>IP_DROP_MEMBERSHIP</c> (level <see cref="IPPROTO_IP"/>): leaves a multicast group (an <c>ip_mreq</c>).</summary>
    public static int IP_DROP_MEMBERSHIP => Native.IP_DROP_MEMBERSHIP;

    /// <summary>The platform's <c>IPV6_V6ONLY</c> (level <see cref="IPPROTO_IPV6"/>): whether an IPv6 socket refuses IPv4 (v4-mapped) peers.</summary>
    public static int IPV6_V6ONLY => Native.IPV6_V6ONLY;

    /// <summary>The platform's <c>IPV6_UNICAST_HOPS</c> (level <see cref="IPPROTO_IPV6"/>): the hop limit of outgoing unicast packets.</summary>
    public static int IPV6_UNICAST_HOPS => Native.IPV6_UNICAST_HOPS;

    /// <summary>The platform's <c>IPV6_MULTICAST_IF</c> (level <see cref="IPPROTO_IPV6"/>): the interface index outgoing multicast leaves by.</summary>
    public static int IPV6_MULTICAST_IF => Native.IPV6_MULTICAST_IF;

    /// <summary>The platform's <c>IPV6_MULTICAST_HOPS</c> (level <see cref="IPPROTO_IPV6"/>): the hop limit of outgoing multicast.</summary>
    public static int IPV6_MULTICAST_HOPS => Native.IPV6_MULTICAST_HOPS;

    /// <summary>The platform's <c>IPV6_MULTICAST_LOOP</c> (level <see cref="IPPROTO_IPV6"/>): whether outgoing multicast is looped back to this host.</summary>
    public static int IPV6_MULTICAST_LOOP => Native.IPV6_MULTICAST_LOOP;

    /// <summary>The platform's <c>IPV6_JOIN_GROUP</c> (level <see cref="IPPROTO_IPV6"/>; Windows' <c>IPV6_ADD_MEMBERSHIP</c>): joins a multicast group (an <c>ipv6_mreq</c>).</summary>
    public static int IPV6_JOIN_GROUP => Native.IPV6_JOIN_GROUP;

    /// <summary>The platform's <c>IPV6_LEAVE_GROUP</c> (level <see cref="IPPROTO_IPV6"/>; Windows' <c>IPV6_DROP_MEMBERSHIP</c>): leaves a multicast group (an <c>ipv6_mreq</c>).</summary>
    public static int IPV6_LEAVE_GROUP => Native.IPV6_LEAVE_GROUP;

    /// <summary>
    /// The platform's <c>SO_NOSIGPIPE</c> (macOS and FreeBSD): sends on this socket fail with <see cref="EPIPE"/>
    /// instead of raising SIGPIPE, for platforms where <see cref="MSG_NOSIGNAL"/> is not enough (macOS before 11).
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Linux and Windows, which have no such option.</exception>
    public static int SO_NOSIGPIPE => Native.SO_NOSIGPIPE;

    /// <summary>
    /// Windows' <c>SO_EXCLUSIVEADDRUSE</c>: no other socket may bind the same address and port, even with
    /// <see cref="SO_REUSEADDR"/> (which on Windows lets a socket take over a port in use).
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Not on Windows.</exception>
    public static int SO_EXCLUSIVEADDRUSE => Native.SO_EXCLUSIVEADDRUSE;

    /// <summary>The platform's <c>SHUT_RD</c> (Windows' <c>SD_RECEIVE</c>): <see cref="Shutdown(SocketHandle, int)"/> closes receiving.</summary>
    public static int SHUT_RD => OperatingSystem.IsWindows() ? Native.SD_RECEIVE : Native.SHUT_RD;

    /// <summary>The platform's <c>SHUT_WR</c> (Windows' <c>SD_SEND</c>): <see cref="Shutdown(SocketHandle, int)"/> closes sending.</summary>
    public static int SHUT_WR => OperatingSystem.IsWindows() ? Native.SD_SEND : Native.SHUT_WR;

    /// <summary>The platform's <c>SHUT_RDWR</c> (Windows' <c>SD_BOTH</c>): <see cref="Shutdown(SocketHandle, int)"/> closes both directions.</summary>
    public static int SHUT_RDWR => OperatingSystem.IsWindows() ? Native.SD_BOTH : Native.SHUT_RDWR;
}
