namespace NativeSockets;

/// <summary>
/// Nim's <c>Protocol</c>. The numbers are this library's own; get the native value with
/// <see cref="NativeSocket.ToInt(Protocol)"/>.
/// </summary>
public enum Protocol
{
    /// <summary>Internet Protocol; also protocol 0, "let the system choose".</summary>
    IPPROTO_IP = 0,

    /// <summary>Protocol 0, for sockets where the family implies the protocol (AF_UNIX). The same member as <see cref="IPPROTO_IP"/>.</summary>
    IPPROTO_NONE = IPPROTO_IP,

    /// <summary>Transmission Control Protocol.</summary>
    IPPROTO_TCP = 1,

    /// <summary>User Datagram Protocol.</summary>
    IPPROTO_UDP = 2,

    /// <summary>Internet Protocol version 6.</summary>
    IPPROTO_IPV6 = 3,

    /// <summary>Raw IP packets.</summary>
    IPPROTO_RAW = 4,

    /// <summary>Internet Control Message Protocol.</summary>
    IPPROTO_ICMP = 5,

    /// <summary>Internet Control Message Protocol for IPv6.</summary>
    IPPROTO_ICMPV6 = 6,
}
