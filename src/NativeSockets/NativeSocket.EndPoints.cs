using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// The native socket address of an IPv4 or IPv6 <see cref="IPEndPoint"/> (IPv6 with its scope id), in
    /// a <see cref="SockAddrStorage"/>, with its length in <paramref name="length"/>: ready for
    /// <see cref="BindAddr"/> as <c>(SockAddr*)&amp;storage</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="endPoint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="endPoint"/> is neither IPv4 nor IPv6.</exception>
    public static SockAddrStorage ToSockAddr(IPEndPoint endPoint, out SockLen length)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        SockAddrStorage storage = default;
        var address = endPoint.Address;
        var port = new Port(checked((ushort)endPoint.Port));
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> bytes = stackalloc byte[sizeof(uint)];
            address.TryWriteBytes(bytes, out _);
            *(SockAddrIn*)&storage = SockAddrIn.Create(BinaryPrimitives.ReadUInt32BigEndian(bytes), port);
            length = Native.sockaddr_in.Size;
            return storage;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> bytes = stackalloc byte[sizeof(In6Addr)];
            address.TryWriteBytes(bytes, out _);
            *(SockAddrIn6*)&storage = SockAddrIn6.Create(new In6Addr(bytes), port, checked((uint)address.ScopeId));
            length = Native.sockaddr_in6.Size;
            return storage;
        }

        throw new ArgumentException($"The end point's family is {address.AddressFamily}, neither IPv4 nor IPv6.", nameof(endPoint));
    }

    /// <summary>
    /// The <see cref="IPEndPoint"/> of a native IPv4 or IPv6 socket address of <paramref name="length"/>
    /// bytes (IPv6 with its scope id), such as an <see cref="AddrInfo.ai_addr"/> or what <c>Accept</c>
    /// and <c>RecvFrom</c> fill in.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The address is neither AF_INET nor AF_INET6, or <paramref name="length"/> is shorter than its family's address.
    /// </exception>
    public static IPEndPoint ToIPEndPoint(SockAddr* address, SockLen length)
    {
        ArgumentNullException.ThrowIfNull(address);
        int family = new Native.sockaddr(address).sa_family;
        if (family == Native.AF_INET)
        {
            RequireLength(length, Native.sockaddr_in.Size, "AF_INET");
            var ipv4 = (SockAddrIn*)address;
            return new IPEndPoint(new IPAddress(ipv4->sin_addr.s_addr), Ntohs(ipv4->sin_port));
        }

        if (family == Native.AF_INET6)
        {
            RequireLength(length, Native.sockaddr_in6.Size, "AF_INET6");
            var ipv6 = (SockAddrIn6*)address;
            return new IPEndPoint(new IPAddress(ipv6->sin6_addr.s6_addr, ipv6->sin6_scope_id), Ntohs(ipv6->sin6_port));
        }

        throw new ArgumentException($"The address's family ({family}) is neither AF_INET ({Native.AF_INET}) nor AF_INET6 ({Native.AF_INET6}).", nameof(address));
    }

    private static void RequireLength(SockLen length, int size, string family)
    {
        if (length.Value < size)
        {
            throw new ArgumentException($"An {family} address is {size} bytes; the length given is {length}.", nameof(length));
        }
    }
}
