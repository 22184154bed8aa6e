using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class GetSockDomainTests
{
    [Theory]
    [InlineData(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, AddressFamily.InterNetwork)]
    [InlineData(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP, AddressFamily.InterNetwork)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, AddressFamily.InterNetworkV6)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP, AddressFamily.InterNetworkV6)]
    [InlineData(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE, AddressFamily.Unix)]
    [InlineData(Domain.AF_UNIX, SockType.SOCK_DGRAM, Protocol.IPPROTO_NONE, AddressFamily.Unix)]
    public void An_unbound_socket_reports_its_family_as_System_Net_sees_it(Domain domain, SockType sockType, Protocol protocol, AddressFamily systemNet)
    {
        using var socket = OwnedSocket.Create(domain, sockType, protocol);
        using var view = socket.View();

        Assert.Equal(domain, NativeSocket.GetSockDomain(socket.Handle));
        Assert.Equal(systemNet, view.AddressFamily);
    }

    [Fact]
    public void A_bound_and_listening_socket_keeps_its_family()
    {
        using var v4 = Loopback.ListenV4();
        using var v6 = Loopback.ListenV6();

        Assert.Equal(Domain.AF_INET, NativeSocket.GetSockDomain(v4.Handle));
        Assert.Equal(Domain.AF_INET6, NativeSocket.GetSockDomain(v6.Handle));
    }

    [PosixFact("the unnamed family is AF_NETLINK, which only Linux has")]
    public void A_family_Domain_does_not_name_throws_IOException_with_its_number()
    {
        using var netlink = Netlink.Create();

        var error = Assert.Throws<IOException>(() => NativeSocket.GetSockDomain(netlink.Handle));

        Assert.Equal($"Unknown socket family in getSockDomain: {Netlink.Family}", error.Message);
        Assert.Equal(Netlink.Family, NativeSocket.GetSockOptInt(netlink.Handle, NativeSocket.SOL_SOCKET, NativeSockets.Interop.Native.SO_DOMAIN));
    }

    [Fact]
    public void A_closed_handle_throws_OSErrorException_with_EBADF()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetSockDomain(Descriptors.ClosedHandle()));

        Assert.Equal(PlatformErrors.NotOpen, error.ErrorCode);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(PlatformErrors.NotOpen), error.Message);
    }

    [NotWineFact("Wine 8.0 answers a file handle with WSAEOPNOTSUPP; Windows documents WSAENOTSOCK")]
    public void A_descriptor_that_is_not_a_socket_throws_OSErrorException_with_ENOTSOCK()
    {
        using var directory = new TempDirectory();
        using var file = File.Create(directory.PathOf("plain-file"));

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetSockDomain(new SocketHandle(file.SafeFileHandle.DangerousGetHandle())));

        Assert.Equal(NativeSocket.ENOTSOCK, error.ErrorCode);
    }
}
