using System;
using System.Net;
using Xunit;

namespace NativeSockets.Tests;

public class InAddrTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("127.255.0.254")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    public void ToString_is_the_dotted_quad_of_the_network_order_address(string text)
    {
        // IPAddress bytes are in network order; read in memory order they are the value of s_addr.
        var networkOrder = BitConverter.ToUInt32(IPAddress.Parse(text).GetAddressBytes());
        var address = new InAddr(networkOrder);

        Assert.Equal(networkOrder, address.s_addr);
        Assert.Equal(text, address.ToString());
    }

    [Fact]
    public void Host_order_loopback_converted_with_Htonl_prints_as_loopback()
    {
        Assert.Equal("127.0.0.1", new InAddr(NativeSocket.Htonl(0x7F000001)).ToString());
        Assert.Equal("127.1.2.3", new InAddr(NativeSocket.Htonl(0x7F010203)).ToString());
    }

    [Fact]
    public void Equality_compares_s_addr()
    {
        var a = new InAddr(NativeSocket.Htonl(0x7F000001));
        var b = new InAddr(NativeSocket.Htonl(0x7F000001));
        var c = new InAddr(NativeSocket.Htonl(0x7F000002));

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a != c);
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals((object)c));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(0u, default(InAddr).s_addr);
    }
}
