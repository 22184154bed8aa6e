using System;
using System.IO;
using System.Net;
using System.Text;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>
/// Socket addresses as pointers and text: GetAddrString, MakeUnixAddr, ToSockAddr and ToIPEndPoint
/// (NativeSocket.AddrString.cs, UnixAddr.cs, EndPoints.cs), and SockAddrUn's path.
/// </summary>
[Collection(nameof(RunsAlone))]
public unsafe class AddressTests
{
    [Fact]
    public void Null_addresses_throw_naming_the_argument() => Run(() =>
    {
        var buffer = new char[NativeSocket.AddrStringCapacity];
        ThrowsFor<ArgumentNullException>("sockAddr", () => NativeSocket.GetAddrString(null));
        ThrowsFor<ArgumentNullException>("sockAddr", () => NativeSocket.GetAddrString(null, buffer));
        ThrowsFor<ArgumentNullException>("address", () => NativeSocket.ToIPEndPoint(null, 16));
        ThrowsFor<ArgumentNullException>("endPoint", () => NativeSocket.ToSockAddr(null!, out _));
        ThrowsFor<ArgumentNullException>("path", () => NativeSocket.MakeUnixAddr(null!));
        var address = default(SockAddrUn);
        ThrowsFor<ArgumentNullException>("value", () => address.sun_path = null!);
    });

    [Theory]
    [InlineData(0)]
    [InlineData(Netlink.Family)]
    [InlineData(ushort.MaxValue)]
    public void An_address_of_a_family_without_text_throws_IOException(int family) => Run(() =>
    {
        var storage = default(SockAddrStorage);
        ((SockAddr*)&storage)->sa_family = family;
        var address = (nint)(&storage);
        var buffer = new char[NativeSocket.AddrStringCapacity];
        Assert.Equal("Unknown socket family in getAddrString", Assert.Throws<IOException>(() => NativeSocket.GetAddrString((SockAddr*)address)).Message);
        Assert.Equal("Unknown socket family in getAddrString", Assert.Throws<IOException>(() => NativeSocket.GetAddrString((SockAddr*)address, buffer)).Message);
        ThrowsFor<ArgumentException>("address", () => NativeSocket.ToIPEndPoint((SockAddr*)address, sizeof(SockAddrStorage)));
    });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(44)]
    public void GetAddrString_into_a_buffer_shorter_than_the_longest_address_throws_naming_it(int length) => Run(() =>
    {
        var storage = SockAddrIn.Create(Native.INADDR_LOOPBACK, default);
        var address = (nint)(&storage);
        var buffer = new char[length];
        // INET6_ADDRSTRLEN less its NUL: 45 on POSIX, 64 on Windows (ws2ipdef.h defines 65).
        var longest = (Native.INET6_ADDRSTRLEN - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(longest, ThrowsFor<ArgumentException>("strAddress", () => NativeSocket.GetAddrString((SockAddr*)address, buffer)).Message, StringComparison.Ordinal);
    });

    [Theory]
    [InlineData(0u, "AF_INET")]
    [InlineData(15u, "AF_INET")]
    [InlineData(27u, "AF_INET6")]
    public void ToIPEndPoint_with_a_length_shorter_than_the_family_needs_throws_naming_length(uint length, string family) => Run(() =>
    {
        var storage = default(SockAddrStorage);
        if (family == "AF_INET")
        {
            *(SockAddrIn*)&storage = SockAddrIn.Create(Native.INADDR_LOOPBACK, default);
        }
        else
        {
            *(SockAddrIn6*)&storage = SockAddrIn6.Create(default, default);
        }

        var address = (nint)(&storage);
        Assert.Contains(family, ThrowsFor<ArgumentException>("length", () => NativeSocket.ToIPEndPoint((SockAddr*)address, length)).Message, StringComparison.Ordinal);
    });

    [Fact]
    public void ToSockAddr_takes_the_ends_of_the_port_range() => Run(() =>
    {
        foreach (var port in new[] { IPEndPoint.MinPort, IPEndPoint.MaxPort })
        {
            var storage = NativeSocket.ToSockAddr(new IPEndPoint(IPAddress.Loopback, port), out var length);
            Assert.Equal(port, NativeSocket.ToIPEndPoint((SockAddr*)&storage, length).Port);
        }
    });

    [Fact]
    public void A_unix_path_too_long_for_sun_path_throws_naming_it() => Run(() =>
    {
        var capacity = SockAddrUn.PathCapacity;
        Assert.Equal(new string('a', capacity - 1), NativeSocket.MakeUnixAddr(new string('a', capacity - 1)).sun_path);
        foreach (var path in new[] { new string('a', capacity), new string('a', 100_000), new string('é', capacity / 2) })
        {
            Assert.StartsWith("socket path too long", ThrowsFor<ArgumentException>("path", () => NativeSocket.MakeUnixAddr(path)).Message, StringComparison.Ordinal);
            var address = default(SockAddrUn);
            ThrowsFor<ArgumentException>("value", () => address.sun_path = path);
        }

        Assert.True(Encoding.UTF8.GetByteCount(new string('é', capacity / 2)) >= capacity);
    });

    [Theory]
    [InlineData("/tmp/a\0b")]
    [InlineData("x\0")]
    public void A_unix_path_with_a_NUL_inside_throws_naming_it(string path) => Run(() =>
    {
        Assert.Contains("NUL", ThrowsFor<ArgumentException>("path", () => NativeSocket.MakeUnixAddr(path)).Message, StringComparison.Ordinal);
        var address = default(SockAddrUn);
        ThrowsFor<ArgumentException>("value", () => address.sun_path = path);
    });

    [Theory]
    [InlineData(-1)]
    [InlineData(ushort.MaxValue + 1)]
    public void A_family_number_that_does_not_fit_the_field_throws_naming_value(int family) => Run(() =>
    {
        var any = default(SockAddr);
        var ipv4 = default(SockAddrIn);
        var ipv6 = default(SockAddrIn6);
        var unix = default(SockAddrUn);
        ThrowsFor<ArgumentOutOfRangeException>("value", () => any.sa_family = family);
        ThrowsFor<ArgumentOutOfRangeException>("value", () => ipv4.sin_family = family);
        ThrowsFor<ArgumentOutOfRangeException>("value", () => ipv6.sin6_family = family);
        ThrowsFor<ArgumentOutOfRangeException>("value", () => unix.sun_family = family);
    });

    [Fact]
    public void GetAddrString_into_a_buffer_refuses_AF_UNIX_as_Nim_does() => Run(() =>
    {
        var storage = NativeSocket.MakeUnixAddr("/tmp/x");
        var address = (nint)(&storage);
        Assert.Equal("unix", NativeSocket.GetAddrString((SockAddr*)address));
        Assert.Throws<IOException>(() => NativeSocket.GetAddrString((SockAddr*)address, new char[NativeSocket.AddrStringCapacity]));
    });

    [Fact]
    public void An_abstract_name_may_hold_NULs_after_its_leading_one() => Run(() =>
    {
        var address = NativeSocket.MakeUnixAddr("\0name\0with\0nuls");
        Assert.Equal(NativeSocket.ToInt(Domain.AF_UNIX), address.sun_family);
        Assert.Equal(string.Empty, address.sun_path);
    });
}
