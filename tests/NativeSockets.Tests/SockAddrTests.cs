using System;
using System.Net;
using System.Net.Sockets;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class SockAddrTests
{
    [Fact]
    public void Sizes_are_those_of_the_C_structs()
    {
        Assert.Equal(16, sizeof(SockAddr));
        Assert.Equal(Native.sockaddr_in.Size, sizeof(SockAddrIn));
        Assert.Equal(new SocketAddress(AddressFamily.InterNetwork).Size, sizeof(SockAddrIn));
        Assert.Equal(128, sizeof(SockAddrStorage));
        Assert.Equal(Native.sockaddr_storage.Size, sizeof(SockAddrStorage));
    }

    [Theory]
    [InlineData((ushort)0)]
    [InlineData((ushort)0x1234)]
    [InlineData((ushort)65535)]
    public void SockAddrIn_Create_gives_the_bytes_System_Net_serializes(ushort port)
    {
        var address = SockAddrIn.Create(0x7F000001, (Port)port);
        var expected = new IPEndPoint(IPAddress.Loopback, port).Serialize();

        Assert.Equal(expected.Buffer.Span[..expected.Size].ToArray(), new ReadOnlySpan<byte>(&address, sizeof(SockAddrIn)).ToArray());
    }

    [Fact]
    public void SockAddrIn_fields_are_in_network_order_as_in_C()
    {
        var address = SockAddrIn.Create(0x7F000001, (Port)8080);

        Assert.Equal(NativeSocket.ToInt(Domain.AF_INET), address.sin_family);
        Assert.Equal(NativeSocket.Htons(8080), address.sin_port);
        Assert.Equal(NativeSocket.Htonl(0x7F000001), address.sin_addr.s_addr);
        Assert.Equal("127.0.0.1", address.sin_addr.ToString());
    }

    [Fact]
    public void SockAddrIn_setters_write_where_System_Net_reads()
    {
        var address = new SockAddrIn
        {
            sin_family = NativeSocket.ToInt(Domain.AF_INET),
            sin_port = NativeSocket.Htons(4242),
            sin_addr = new InAddr(NativeSocket.Htonl(0x7F000001)),
        };

        var serialized = new SocketAddress(AddressFamily.InterNetwork);
        new ReadOnlySpan<byte>(&address, sizeof(SockAddrIn)).CopyTo(serialized.Buffer.Span);
        var endPoint = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(serialized);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 4242), endPoint);
    }

    [Fact]
    public void SockAddrIn_family_out_of_range_throws()
    {
        var address = default(SockAddrIn);

        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => address.sin_family = 0x10000).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => address.sin_family = -1).ParamName);
        Assert.Equal(0, address.sin_family);
    }

    [Theory]
    [InlineData(Domain.AF_UNSPEC, AddressFamily.Unspecified)]
    [InlineData(Domain.AF_UNIX, AddressFamily.Unix)]
    [InlineData(Domain.AF_INET, AddressFamily.InterNetwork)]
    [InlineData(Domain.AF_INET6, AddressFamily.InterNetworkV6)]
    public void SockAddr_family_reads_and_writes_the_native_field(Domain domain, AddressFamily family)
    {
        var serialized = new SocketAddress(family);
        SockAddr read = default;
        serialized.Buffer.Span[..sizeof(SockAddr)].CopyTo(new Span<byte>(&read, sizeof(SockAddr)));

        SockAddr written = default;
        written.sa_family = NativeSocket.ToInt(domain);

        Assert.Equal(NativeSocket.ToInt(domain), read.sa_family);
        Assert.Equal(serialized.Buffer.Span[..sizeof(SockAddr)].ToArray(), new ReadOnlySpan<byte>(&written, sizeof(SockAddr)).ToArray());
    }

    [Fact]
    public void SockAddr_over_a_SockAddrIn_sees_its_family()
    {
        var address = SockAddrIn.Create(0x7F000001, (Port)1);

        Assert.Equal(NativeSocket.ToInt(Domain.AF_INET), ((SockAddr*)&address)->sa_family);
    }

    [Fact]
    public void SockAddrStorage_family_is_that_of_the_address_it_holds()
    {
        var v4 = Loopback.ToStorage(new IPEndPoint(IPAddress.Loopback, 80), out var v4Length);
        var v6 = Loopback.ToStorage(new IPEndPoint(IPAddress.IPv6Loopback, 80), out var v6Length);

        Assert.Equal(NativeSocket.ToInt(Domain.AF_INET), v4.ss_family);
        Assert.Equal(NativeSocket.ToInt(Domain.AF_INET6), v6.ss_family);
        Assert.Equal(0, default(SockAddrStorage).ss_family);
        Assert.Equal((SockLen)sizeof(SockAddrIn), v4Length);
        Assert.Equal((SockLen)Native.sockaddr_in6.Size, v6Length);
    }

    [Fact]
    public void SockAddrStorage_family_of_an_AF_UNIX_address_is_AF_UNIX()
    {
        // System.Net builds no AF_UNIX address where the system has no AF_UNIX sockets.
        RunningPlatform.SkipWhereUnsupported(Domain.AF_UNIX, SockType.SOCK_STREAM);
        using var directory = new TempDirectory();

        var unix = Loopback.ToStorage(new UnixDomainSocketEndPoint(directory.PathOf("s")), out _);

        Assert.Equal(NativeSocket.ToInt(Domain.AF_UNIX), unix.ss_family);
    }
}
