using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class LocalPeerAddrTests
{
    [Fact]
    public void IPv4_addresses_and_ports_match_System_Net()
    {
        using var pair = Connected.Tcp();
        using var view = pair.Native.View();
        var local = (IPEndPoint)view.LocalEndPoint!;
        var remote = (IPEndPoint)view.RemoteEndPoint!;

        Assert.Equal(("127.0.0.1", (Port)(ushort)local.Port), NativeSocket.GetLocalAddr(pair.Native.Handle, Domain.AF_INET));
        Assert.Equal(("127.0.0.1", (Port)(ushort)remote.Port), NativeSocket.GetPeerAddr(pair.Native.Handle, Domain.AF_INET));
        Assert.Equal(NativeSocket.GetLocalAddr(pair.Native.Handle, Domain.AF_INET), NativeSocket.GetLocalAddr(pair.Native.Handle));
        Assert.Equal(NativeSocket.GetPeerAddr(pair.Native.Handle, Domain.AF_INET), NativeSocket.GetPeerAddr(pair.Native.Handle));
    }

    [Fact]
    public void IPv6_addresses_and_ports_match_System_Net()
    {
        using var pair = Connected.Tcp(ipv6: true);
        using var view = pair.Native.View();

        Assert.Equal(("::1", (Port)(ushort)((IPEndPoint)view.LocalEndPoint!).Port), NativeSocket.GetLocalAddr(pair.Native.Handle, Domain.AF_INET6));
        Assert.Equal(("::1", (Port)(ushort)((IPEndPoint)view.RemoteEndPoint!).Port), NativeSocket.GetPeerAddr(pair.Native.Handle, Domain.AF_INET6));
    }

    [Fact]
    public void A_v4_mapped_address_is_not_shortened_as_in_Nim()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.ToInt(Protocol.IPPROTO_IPV6), Native.IPV6_V6ONLY, 0);
        Loopback.AssertSucceeded(Loopback.Bind(socket.Handle, new IPEndPoint(IPAddress.Loopback.MapToIPv6(), 0)), "BindAddr(::ffff:127.0.0.1)");

        var (address, port) = NativeSocket.GetLocalAddr(socket.Handle, Domain.AF_INET6);

        Assert.Equal("::ffff:127.0.0.1", address);
        Assert.Equal(NativeSocket.GetSockName(socket.Handle), port);
    }

    [Theory]
    [InlineData(Domain.AF_INET, "0.0.0.0")]
    [InlineData(Domain.AF_INET6, "::")]
    public void An_unbound_socket_gives_the_wildcard_and_port_0(Domain domain, string wildcard)
    {
        using var socket = OwnedSocket.Create(domain);

        Assert.Equal((wildcard, (Port)0), NativeSocket.GetLocalAddr(socket.Handle, domain));
    }

    [Fact]
    public void AF_UNIX_gives_the_paths_and_port_0()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("server.sock");
        using var listener = Loopback.ListenUnix(path);
        using var client = OwnedSocket.Create(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE);
        Assert.Equal((string.Empty, (Port)0), NativeSocket.GetLocalAddr(client.Handle, Domain.AF_UNIX));

        Loopback.AssertSucceeded(Connected.ConnectTo(client.Handle, new UnixDomainSocketEndPoint(path)), "Connect");

        Assert.Equal((path, (Port)0), NativeSocket.GetLocalAddr(listener.Handle, Domain.AF_UNIX));
        Assert.Equal((path, (Port)0), NativeSocket.GetPeerAddr(client.Handle, Domain.AF_UNIX));
        Assert.Equal((string.Empty, (Port)0), NativeSocket.GetLocalAddr(client.Handle));
    }

    [PosixFact("abstract AF_UNIX names (a leading NUL) are Linux's")]
    public void An_abstract_AF_UNIX_name_is_shown_with_an_at_sign()
    {
        var name = $"nsock-{Guid.NewGuid():N}";
        using var socket = OwnedSocket.Create(Domain.AF_UNIX, SockType.SOCK_DGRAM, Protocol.IPPROTO_NONE);
        Loopback.AssertSucceeded(Loopback.Bind(socket.Handle, new UnixDomainSocketEndPoint("\0" + name)), "BindAddr(abstract)");

        Assert.Equal(("@" + name, (Port)0), NativeSocket.GetLocalAddr(socket.Handle));
    }

    [Theory]
    [InlineData(Domain.AF_INET, Domain.AF_INET6)]
    [InlineData(Domain.AF_INET6, Domain.AF_INET)]
    [InlineData(Domain.AF_INET, Domain.AF_UNIX)]
    [InlineData(Domain.AF_UNIX, Domain.AF_INET)]
    public void A_domain_that_is_not_the_sockets_family_is_rejected(Domain real, Domain claimed)
    {
        using var socket = OwnedSocket.Create(real, SockType.SOCK_STREAM, real == Domain.AF_UNIX ? Protocol.IPPROTO_NONE : Protocol.IPPROTO_TCP);

        var local = Assert.Throws<ArgumentException>(() => NativeSocket.GetLocalAddr(socket.Handle, claimed));

        Assert.Equal("domain", local.ParamName);
        Assert.Contains($"getLocalAddr: the socket is {real}, not {claimed}", local.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPeerAddr_rejects_a_domain_that_is_not_the_connected_sockets_family()
    {
        using var pair = Connected.Tcp(ipv6: true);

        var peer = Assert.Throws<ArgumentException>(() => NativeSocket.GetPeerAddr(pair.Native.Handle, Domain.AF_INET));

        Assert.Equal("domain", peer.ParamName);
        Assert.Contains("getPeerAddr: the socket is AF_INET6, not AF_INET", peer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AF_UNSPEC_and_values_outside_Domain_are_rejected_by_name()
    {
        using var socket = OwnedSocket.Create();

        var unspec = Assert.Throws<ArgumentException>(() => NativeSocket.GetLocalAddr(socket.Handle, Domain.AF_UNSPEC));
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.GetPeerAddr(socket.Handle, (Domain)99));

        Assert.Equal("domain", unspec.ParamName);
        Assert.Equal("domain", outside.ParamName);
    }

    [PosixFact("the unnamed family is AF_NETLINK, which only Linux has")]
    public void A_family_without_a_text_form_throws_IOException()
    {
        using var netlink = Netlink.Create();

        var error = Assert.Throws<IOException>(() => NativeSocket.GetLocalAddr(netlink.Handle));

        Assert.Equal($"Unknown socket family in getLocalAddr: {Netlink.Family}", error.Message);
        Assert.Equal("domain", Assert.Throws<ArgumentException>(() => NativeSocket.GetLocalAddr(netlink.Handle, Domain.AF_INET)).ParamName);
    }

    [Fact]
    public void GetPeerAddr_on_an_unconnected_socket_throws_ENOTCONN()
    {
        using var socket = OwnedSocket.Create();

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetPeerAddr(socket.Handle, Domain.AF_INET));

        Assert.Equal(NativeSocket.ENOTCONN, error.ErrorCode);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(NativeSocket.ENOTCONN), error.Message);
    }

    [Fact]
    public void A_closed_handle_throws_OSErrorException_with_EBADF()
    {
        var closed = Descriptors.ClosedHandle();

        Assert.Equal(PlatformErrors.NotOpen, Assert.Throws<OSErrorException>(() => NativeSocket.GetLocalAddr(closed, Domain.AF_INET)).ErrorCode);
        Assert.Equal(PlatformErrors.NotOpen, Assert.Throws<OSErrorException>(() => NativeSocket.GetPeerAddr(closed)).ErrorCode);
    }
}
