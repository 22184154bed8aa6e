using System;
using System.Net.Sockets;
using System.Text;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class MakeUnixAddrTests
{
    [Fact]
    public void The_address_binds_a_socket_at_the_path()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("made.sock");
        var address = NativeSocket.MakeUnixAddr(path);
        using var socket = OwnedSocket.Create(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE);

        Loopback.AssertSucceeded(NativeSocket.BindAddr(socket.Handle, (SockAddr*)&address, sizeof(SockAddrUn)), $"BindAddr({path})");

        using var view = socket.View();
        Assert.Equal(path, Assert.IsType<UnixDomainSocketEndPoint>(view.LocalEndPoint).ToString());
        Assert.Equal(NativeSocket.ToInt(Domain.AF_UNIX), address.sun_family);
        Assert.Equal(path, address.sun_path);
    }

    [Fact]
    public void The_path_is_copied_as_UTF_8_with_its_NUL()
    {
        var path = "/tmp/sökét-🔌";
        var address = NativeSocket.MakeUnixAddr(path);

        var bytes = new Native.sockaddr_un(&address).sun_path;
        var utf8 = Encoding.UTF8.GetBytes(path);
        Assert.Equal(utf8, bytes[..utf8.Length].ToArray());
        Assert.Equal(0, bytes[utf8.Length]);
        Assert.Equal(path, address.sun_path);
    }

    [Fact]
    public void The_longest_path_System_Net_accepts_fits_and_one_more_byte_is_too_long()
    {
        // System.Net builds no AF_UNIX address where the system has no AF_UNIX sockets.
        RunningPlatform.SkipWhereUnsupported(Domain.AF_UNIX, SockType.SOCK_STREAM);
        Assert.True(sizeof(SockAddrUn) >= Native.sockaddr_un.Size);
        var longest = new string('a', SockAddrUn.PathCapacity - 1);
        _ = new UnixDomainSocketEndPoint(longest);
        Assert.Equal(longest, NativeSocket.MakeUnixAddr(longest).sun_path);

        var tooLong = longest + "a";
        Assert.ThrowsAny<ArgumentException>(() => new UnixDomainSocketEndPoint(tooLong));
        var error = Assert.Throws<ArgumentException>(() => NativeSocket.MakeUnixAddr(tooLong));
        Assert.Equal("path", error.ParamName);
        Assert.StartsWith("socket path too long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_counts_UTF_8_bytes_not_characters()
    {
        var twoBytesEach = new string('é', SockAddrUn.PathCapacity / 2);

        Assert.True(twoBytesEach.Length < SockAddrUn.PathCapacity);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => NativeSocket.MakeUnixAddr(twoBytesEach)).ParamName);
    }

    [Fact]
    public void A_null_path_is_rejected()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => NativeSocket.MakeUnixAddr(null!)).ParamName);
    }

    [Fact]
    public void Setting_sun_path_replaces_the_old_path_entirely()
    {
        var address = NativeSocket.MakeUnixAddr("/tmp/a-rather-long-first-path");

        address.sun_path = "/tmp/b";

        Assert.Equal("/tmp/b", address.sun_path);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => address.sun_path = new string('x', SockAddrUn.PathCapacity)).ParamName);
    }
}
