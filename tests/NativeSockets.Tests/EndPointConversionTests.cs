using System;
using System.Net;
using System.Net.Sockets;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class EndPointConversionTests
{
    public static TheoryData<string, int> EndPoints => new()
    {
        { "127.0.0.1", 80 },
        { "0.0.0.0", 0 },
        { "255.255.255.255", 65535 },
        { "::1", 443 },
        { "::ffff:127.0.0.1", 8080 },
        { "fe80::1%1", 5353 },
        { "2001:db8::7", 40000 },
    };

    [Theory]
    [MemberData(nameof(EndPoints))]
    public void ToSockAddr_writes_the_bytes_System_Net_writes(string address, int port)
    {
        var endPoint = new IPEndPoint(IPAddress.Parse(address), port);
        var expected = Loopback.ToStorage(endPoint, out var expectedLength);

        var storage = NativeSocket.ToSockAddr(endPoint, out var length);

        Assert.Equal(expectedLength, length);
        Assert.Equal(
            new ReadOnlySpan<byte>(&expected, (int)expectedLength.Value).ToArray(),
            new ReadOnlySpan<byte>(&storage, (int)length.Value).ToArray());
    }

    [Theory]
    [MemberData(nameof(EndPoints))]
    public void ToIPEndPoint_reads_what_System_Net_wrote(string address, int port)
    {
        var endPoint = new IPEndPoint(IPAddress.Parse(address), port);
        var storage = Loopback.ToStorage(endPoint, out var length);

        var read = NativeSocket.ToIPEndPoint((SockAddr*)&storage, length);

        Assert.Equal(endPoint, read);
        if (endPoint.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Assert.Equal(endPoint.Address.ScopeId, read.Address.ScopeId);
        }
    }

    [Fact]
    public void A_bound_socket_s_address_converts_to_the_end_point_System_Net_reports()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET6);
        var wanted = NativeSocket.ToSockAddr(new IPEndPoint(IPAddress.IPv6Loopback, 0), out var wantedLength);
        Loopback.AssertSucceeded(NativeSocket.BindAddr(socket.Handle, (SockAddr*)&wanted, wantedLength), "BindAddr([::1]:0)");
        SockAddrStorage bound;
        var length = (uint)sizeof(SockAddrStorage);
        Assert.Equal(0, Native.getsockname((int)socket.Handle.Value, &bound, &length));

        using var view = socket.View();
        Assert.Equal(view.LocalEndPoint, NativeSocket.ToIPEndPoint((SockAddr*)&bound, length));
    }

    [Fact]
    public void Bad_arguments_are_rejected_by_name()
    {
        Assert.Equal("endPoint", Assert.Throws<ArgumentNullException>(() => NativeSocket.ToSockAddr(null!, out _)).ParamName);
        Assert.Equal("address", Assert.Throws<ArgumentNullException>(() => NativeSocket.ToIPEndPoint(null, 16)).ParamName);

        var unix = NativeSocket.MakeUnixAddr("/tmp/x.sock");
        var unixPointer = (nint)(&unix);
        var notIP = Assert.Throws<ArgumentException>(() => NativeSocket.ToIPEndPoint((SockAddr*)unixPointer, sizeof(SockAddrUn)));
        Assert.Equal("address", notIP.ParamName);

        var ipv6 = Loopback.ToStorage(new IPEndPoint(IPAddress.IPv6Loopback, 80), out _);
        var ipv6Pointer = (nint)(&ipv6);
        var shortLength = Assert.Throws<ArgumentException>(() => NativeSocket.ToIPEndPoint((SockAddr*)ipv6Pointer, Native.sockaddr_in.Size));
        Assert.Equal("length", shortLength.ParamName);
    }

    [Fact]
    public void SockAddrIn6_fields_land_where_System_Net_puts_them()
    {
        var endPoint = new IPEndPoint(IPAddress.Parse("fe80::1234%3"), 4321);
        var storage = Loopback.ToStorage(endPoint, out _);
        var fromSystemNet = *(SockAddrIn6*)&storage;

        var built = SockAddrIn6.Create(new In6Addr(endPoint.Address.GetAddressBytes()), new Port(4321), 3);

        Assert.Equal(NativeSocket.ToInt(Domain.AF_INET6), fromSystemNet.sin6_family);
        Assert.Equal(NativeSocket.Htons(4321), fromSystemNet.sin6_port);
        Assert.Equal(3u, fromSystemNet.sin6_scope_id);
        Assert.Equal(0u, fromSystemNet.sin6_flowinfo);
        Assert.Equal(endPoint.Address.GetAddressBytes(), fromSystemNet.sin6_addr.s6_addr.ToArray());
        Assert.Equal(
            new ReadOnlySpan<byte>(&fromSystemNet, Native.sockaddr_in6.Size).ToArray(),
            new ReadOnlySpan<byte>(&built, Native.sockaddr_in6.Size).ToArray());
        Assert.True(sizeof(SockAddrIn6) >= Native.sockaddr_in6.Size);
        Assert.Equal(AddressFamily.InterNetworkV6, NativeSocket.ToIPEndPoint((SockAddr*)&built, Native.sockaddr_in6.Size).AddressFamily);
    }
}
