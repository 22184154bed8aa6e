using System;
using System.Net;

namespace NativeSockets;

/// <summary>
/// One result of <see cref="NativeSocket.EnumerateAddrInfo"/>: a managed copy of an <see cref="AddrInfo"/>
/// entry, valid after the native list is freed. Immutable.
/// </summary>
public sealed class AddrInfoEntry
{
    /// <summary>An entry for <paramref name="endPoint"/> with native family, type and protocol numbers.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="endPoint"/> is null.</exception>
    public AddrInfoEntry(IPEndPoint endPoint, int family, int sockType, int protocol)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        EndPoint = endPoint;
        Family = family;
        SockType = sockType;
        Protocol = protocol;
    }

    /// <summary>The address and port (<c>ai_addr</c>), with the IPv6 scope id.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The native family number (<c>ai_family</c>); <see cref="NativeSocket.ToKnownDomain"/> names it.</summary>
    public int Family { get; }

    /// <summary>The native socket type number (<c>ai_socktype</c>), for <see cref="NativeSocket.CreateNativeSocket(int, int, int, bool)"/>.</summary>
    public int SockType { get; }

    /// <summary>The native protocol number (<c>ai_protocol</c>), for <see cref="NativeSocket.CreateNativeSocket(int, int, int, bool)"/>.</summary>
    public int Protocol { get; }

    /// <summary>The end point, e.g. <c>"127.0.0.1:80"</c> or <c>"[::1]:80"</c>.</summary>
    public override string ToString() => EndPoint.ToString();
}
