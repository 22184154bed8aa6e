using System.Linq;
using System.Net;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>GetAddrInfo(null, port): C's null node, which with these hints (no AI_PASSIVE) is the loopback address.</summary>
public unsafe class GetAddrInfoNullNodeTests
{
    [Fact]
    public void A_null_address_gives_the_IPv4_loopback_address_and_the_port()
    {
        var list = NativeSocket.GetAddrInfo(null, new Port(8080));
        try
        {
            Assert.True(list is not null);
            var endPoint = NativeSocket.ToIPEndPoint(list->ai_addr, list->ai_addrlen);
            Assert.Equal(IPAddress.Loopback, endPoint.Address);
            Assert.Equal(8080, endPoint.Port);
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
        }
    }

    [Fact]
    public void A_null_address_in_IPv6_gives_the_IPv6_loopback_address()
    {
        var entries = NativeSocket.EnumerateAddrInfo(null, new Port(443), Domain.AF_INET6);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(IPAddress.IPv6Loopback, e.EndPoint.Address));
        Assert.All(entries, e => Assert.Equal(443, e.EndPoint.Port));
    }

    [Fact]
    public void A_null_address_for_a_raw_socket_has_neither_node_nor_service_and_fails_naming_null()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo(null, new Port(0), Domain.AF_INET, SockType.SOCK_RAW, Protocol.IPPROTO_ICMP));
        Assert.Equal(OSErrorSpace.AddrInfo, error.Space);
        Assert.Contains("getAddrInfo(null, 0, AF_INET, SOCK_RAW, IPPROTO_ICMP)", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_null_call_is_the_string_overload_and_the_UTF8_one_still_takes_UTF8()
    {
        var viaNull = NativeSocket.EnumerateAddrInfo(null, new Port(1)).Select(e => e.EndPoint).ToList();
        var list = NativeSocket.GetAddrInfo("127.0.0.1"u8, new Port(1));
        try
        {
            Assert.Equal(viaNull[0], NativeSocket.ToIPEndPoint(list->ai_addr, list->ai_addrlen));
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
        }
    }
}
