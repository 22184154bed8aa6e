using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class ListenTests
{
    [Fact]
    public void Connections_are_refused_before_Listen_and_accepted_after()
    {
        using var socket = OwnedSocket.Create();
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");
        var port = NativeSocket.GetSockName(socket.Handle);

        using (var early = new TcpClient(AddressFamily.InterNetwork))
        {
            var refused = Assert.Throws<SocketException>(() => early.Connect(IPAddress.Loopback, port));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }

        Assert.False(IsListening(socket.Handle));
        Assert.Equal(0, NativeSocket.Listen(socket.Handle));
        Assert.True(IsListening(socket.Handle));

        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, port);
        Assert.True(client.Connected);
    }

    [Fact]
    public void Listen_with_a_backlog_listens()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET6);
        Loopback.AssertSucceeded(Loopback.Bind(socket.Handle, new IPEndPoint(IPAddress.IPv6Loopback, 0)), "BindAddr");

        Assert.Equal(0, NativeSocket.Listen(socket.Handle, 1));
        Assert.True(IsListening(socket.Handle));

        using var client = new TcpClient(AddressFamily.InterNetworkV6);
        client.Connect(IPAddress.IPv6Loopback, NativeSocket.GetSockName(socket.Handle));
        Assert.True(client.Connected);
    }

    [Fact]
    public void Listen_on_a_datagram_socket_fails_with_EOPNOTSUPP()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");

        var result = NativeSocket.Listen(socket.Handle);
        var errno = Marshal.GetLastPInvokeError();

        Assert.Equal(-1, result);
        Assert.Equal(NativeSocket.EOPNOTSUPP, errno);
    }

    [Fact]
    public void Listen_on_a_closed_handle_fails_with_EBADF()
    {
        var closed = Descriptors.ClosedHandle();

        var result = NativeSocket.Listen(closed, 5);
        var errno = Marshal.GetLastPInvokeError();

        Assert.Equal(-1, result);
        Assert.Equal(PlatformErrors.NotOpen, errno);
    }

    private static bool IsListening(SocketHandle handle)
    {
        int value = -1;
        var length = (uint)sizeof(int);
        Assert.Equal(0, Native.getsockopt((int)handle.Value, Native.SOL_SOCKET, Native.SO_ACCEPTCONN, &value, &length));
        return value != 0;
    }
}
