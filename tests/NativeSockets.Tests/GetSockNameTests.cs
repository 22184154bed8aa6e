using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class GetSockNameTests
{
    [Theory]
    [InlineData(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP)]
    [InlineData(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP)]
    public void An_unbound_socket_has_port_0(Domain domain, SockType sockType, Protocol protocol)
    {
        using var socket = OwnedSocket.Create(domain, sockType, protocol);

        Assert.Equal((Port)0, NativeSocket.GetSockName(socket.Handle));
    }

    [Fact]
    public void A_socket_bound_by_System_Net_reports_the_same_port()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        using var view = socket.View();
        view.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));

        var port = NativeSocket.GetSockName(socket.Handle);

        Assert.NotEqual((Port)0, port);
        Assert.Equal(((IPEndPoint)view.LocalEndPoint!).Port, port.Value);
    }

    [Fact]
    public void A_connected_client_reports_the_port_the_server_sees()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        using var client = OwnedSocket.Create();
        var serverAddress = SockAddrIn.Create(Native.INADDR_LOOPBACK, (Port)(ushort)((IPEndPoint)server.LocalEndpoint).Port);

        Assert.Equal(0, Native.connect((int)client.Handle.Value, &serverAddress, (uint)sizeof(SockAddrIn)));
        using var accepted = server.AcceptSocket();

        var port = NativeSocket.GetSockName(client.Handle);

        Assert.NotEqual((Port)0, port);
        Assert.Equal(((IPEndPoint)accepted.RemoteEndPoint!).Port, port.Value);
    }

    [Fact]
    public void A_closed_handle_throws_OSErrorException_with_EBADF()
    {
        var closed = Descriptors.ClosedHandle();

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetSockName(closed));

        Assert.Equal(PlatformErrors.NotOpen, error.ErrorCode);
        Assert.Equal(PlatformErrors.Space, error.Space);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(PlatformErrors.NotOpen), error.Message);
        Assert.Null(error.AdditionalInfo);
    }

    [NotWineFact("Wine 8.0 answers a file handle with WSAEOPNOTSUPP; Windows documents WSAENOTSOCK")]
    public void A_descriptor_that_is_not_a_socket_throws_OSErrorException_with_ENOTSOCK()
    {
        using var directory = new TempDirectory();
        using var file = File.Create(directory.PathOf("plain-file"));

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetSockName(new SocketHandle(file.SafeFileHandle.DangerousGetHandle())));

        Assert.Equal(NativeSocket.ENOTSOCK, error.ErrorCode);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(NativeSocket.ENOTSOCK), error.Message);
    }

    [Fact]
    public void An_AF_UNIX_socket_throws_IOException_bound_or_not()
    {
        using var directory = new TempDirectory();
        using var unbound = OwnedSocket.Create(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE);
        using var bound = OwnedSocket.Create(Domain.AF_UNIX, SockType.SOCK_DGRAM, Protocol.IPPROTO_NONE);
        Loopback.AssertSucceeded(Loopback.Bind(bound.Handle, new UnixDomainSocketEndPoint(directory.PathOf("dgram.sock"))), "BindAddr");

        Assert.IsType<IOException>(Assert.ThrowsAny<IOException>(() => NativeSocket.GetSockName(unbound.Handle)));
        Assert.IsType<IOException>(Assert.ThrowsAny<IOException>(() => NativeSocket.GetSockName(bound.Handle)));
    }
}
