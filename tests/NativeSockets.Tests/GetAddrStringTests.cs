using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class GetAddrStringTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("10.20.30.40")]
    public void IPv4_gives_the_dotted_quad(string address)
    {
        Assert.Equal(address, Format(new IPEndPoint(IPAddress.Parse(address), 80)));
    }

    // The expected texts are what Nim 1.6.10's getAddrString printed for the same addresses: glibc's
    // inet_ntop, with v4-mapped addresses shortened to the dotted quad and the scope id dropped.
    [Theory]
    [InlineData("::1", "::1")]
    [InlineData("::", "::")]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1")]
    [InlineData("64:ff9b::1.2.3.4", "64:ff9b::102:304")]
    [InlineData("2001:db8::1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("1:0:0:0:0:0:0:0", "1::")]
    [InlineData("fe80::1%1", "fe80::1")]
    public void IPv6_gives_the_platform_s_text_with_v4_mapped_addresses_shortened(string address, string expected)
    {
        Assert.Equal(expected, Format(new IPEndPoint(IPAddress.Parse(address), 80)));
    }

    [Fact]
    public void An_IPv4_compatible_address_gives_the_platform_s_text()
    {
        // glibc keeps the dotted quad of the deprecated IPv4-compatible form (::a.b.c.d), as Nim printed it;
        // musl writes it in hex, as any other IPv6 address.
        var expected = PlatformDetection.IsMusl ? "::102:304" : "::1.2.3.4";

        Assert.Equal(expected, Format(new IPEndPoint(IPAddress.Parse("::1.2.3.4"), 80)));
    }

    [Fact]
    public void An_IPv4_translated_address_gives_the_platform_s_text()
    {
        // glibc prints an IPv4-translated address (::ffff:0:a.b.c.d) in hex, as Nim did; Windows' text keeps the dotted quad.
        var expected = OperatingSystem.IsWindows() ? "::ffff:0:1.2.3.4" : "::ffff:0:102:304";

        Assert.Equal(expected, Format(new IPEndPoint(IPAddress.Parse("::ffff:0:1.2.3.4"), 80)));
    }

    [Fact]
    public void AF_UNIX_gives_unix_as_in_Nim()
    {
        var address = NativeSocket.MakeUnixAddr("/tmp/some.sock");

        Assert.Equal("unix", NativeSocket.GetAddrString((SockAddr*)&address));
    }

    [Fact]
    public void Any_other_family_is_an_IOException_with_Nim_s_message()
    {
        SockAddrStorage unspecified = default;

        var pointer = (nint)(&unspecified);
        var error = Assert.Throws<IOException>(() => NativeSocket.GetAddrString((SockAddr*)pointer));

        Assert.Equal("Unknown socket family in getAddrString", error.Message);
    }

    [Fact]
    public void A_null_address_is_rejected()
    {
        Assert.Equal("sockAddr", Assert.Throws<ArgumentNullException>(() => NativeSocket.GetAddrString(null)).ParamName);
        Assert.Equal("sockAddr", Assert.Throws<ArgumentNullException>(() => NativeSocket.GetAddrString(null, new char[64])).ParamName);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348")]
    public void The_span_overload_writes_what_the_string_overload_returns(string address)
    {
        var storage = Loopback.ToStorage(new IPEndPoint(IPAddress.Parse(address), 80), out _);
        var buffer = new char[NativeSocket.AddrStringCapacity];

        var written = NativeSocket.GetAddrString((SockAddr*)&storage, buffer);

        Assert.Equal(NativeSocket.GetAddrString((SockAddr*)&storage), new string(buffer, 0, written));
    }

    [Fact]
    public void The_span_overload_needs_room_for_the_longest_address()
    {
        Assert.Equal(Native.INET6_ADDRSTRLEN - 1, NativeSocket.AddrStringCapacity);
        var storage = Loopback.ToStorage(new IPEndPoint(IPAddress.Loopback, 80), out _);

        var pointer = (nint)(&storage);
        var error = Assert.Throws<ArgumentException>(() => NativeSocket.GetAddrString((SockAddr*)pointer, new char[NativeSocket.AddrStringCapacity - 1]));

        Assert.Equal("strAddress", error.ParamName);
    }

    [Fact]
    public void The_span_overload_refuses_AF_UNIX_as_Nim_s_var_string_overload_does()
    {
        var address = NativeSocket.MakeUnixAddr("/tmp/some.sock");

        var pointer = (nint)(&address);
        var error = Assert.Throws<IOException>(() => NativeSocket.GetAddrString((SockAddr*)pointer, new char[64]));

        Assert.Equal("Unknown socket family in getAddrString", error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("192.168.1.254")]
    [InlineData("0.0.0.0")]
    public void InetNtoa_gives_the_dotted_quad_System_Net_prints(string address)
    {
        var parsed = IPAddress.Parse(address);
        var inAddr = new InAddr(BitConverter.ToUInt32(parsed.GetAddressBytes()));

        Assert.Equal(parsed.ToString(), NativeSocket.InetNtoa(inAddr));
    }

    [Fact]
    public void In6Addr_prints_without_shortening_and_compares_by_value()
    {
        var mapped = new In6Addr(IPAddress.Parse("::ffff:127.0.0.1").GetAddressBytes());

        Assert.Equal("::ffff:127.0.0.1", mapped.ToString());
        Assert.Equal(IPAddress.Parse("::ffff:127.0.0.1").GetAddressBytes(), mapped.s6_addr.ToArray());
        Assert.True(mapped == new In6Addr(mapped.s6_addr));
        Assert.True(mapped != new In6Addr(IPAddress.IPv6Loopback.GetAddressBytes()));
        Assert.Equal("bytes", Assert.Throws<ArgumentException>(() => new In6Addr(new byte[4])).ParamName);
    }

    private static string Format(EndPoint endPoint)
    {
        var storage = Loopback.ToStorage(endPoint, out _);
        Assert.NotEqual(AddressFamily.Unspecified, endPoint.AddressFamily);
        return NativeSocket.GetAddrString((SockAddr*)&storage);
    }
}
