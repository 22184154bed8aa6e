using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class AcceptTests
{
    [Fact]
    public void Accept_returns_the_connection_and_the_peer_address_on_IPv4()
    {
        using var listener = Loopback.ListenV4();
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));

        var (accepted, address) = Loopback.AcceptPending(listener.Handle);
        using (accepted)
        using (var view = accepted.View())
        {
            Assert.False(accepted.Handle.IsInvalid);
            Assert.NotEqual(listener.Handle, accepted.Handle);
            Assert.Equal("127.0.0.1", address);
            Assert.Equal(client.Client.LocalEndPoint, view.RemoteEndPoint);
            Assert.Equal(client.Client.RemoteEndPoint, view.LocalEndPoint);
            Assert.Equal(SocketType.Stream, view.SocketType);
            Assert.True(Descriptors.IsCloseOnExec(accepted.Handle));
        }
    }

    [Fact]
    public void Accept_with_inheritable_leaves_close_on_exec_unset()
    {
        using var listener = Loopback.ListenV4();
        using var first = new TcpClient(AddressFamily.InterNetwork);
        using var second = new TcpClient(AddressFamily.InterNetwork);
        first.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));
        second.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));

        var (inheritable, _) = Loopback.AcceptPending(listener.Handle, inheritable: true);
        using (inheritable)
        {
            var (notInheritable, _) = Loopback.AcceptPending(listener.Handle, inheritable: false);
            using (notInheritable)
            {
                Assert.False(Descriptors.IsCloseOnExec(inheritable.Handle));
                Assert.True(Descriptors.IsCloseOnExec(notInheritable.Handle));
            }
        }
    }

    [Fact]
    public void Accept_takes_each_pending_connection_once()
    {
        using var listener = Loopback.ListenV4();
        var port = NativeSocket.GetSockName(listener.Handle);
        using var first = new TcpClient(AddressFamily.InterNetwork);
        using var second = new TcpClient(AddressFamily.InterNetwork);
        first.Connect(IPAddress.Loopback, port);
        second.Connect(IPAddress.Loopback, port);

        var (a, _) = Loopback.AcceptPending(listener.Handle);
        using (a)
        {
            var (b, _) = Loopback.AcceptPending(listener.Handle);
            using (b)
            using (var viewA = a.View())
            using (var viewB = b.View())
            {
                Assert.NotEqual(a.Handle, b.Handle);
                Assert.Equal(
                    new[] { first.Client.LocalEndPoint, second.Client.LocalEndPoint },
                    new[] { viewA.RemoteEndPoint, viewB.RemoteEndPoint });
            }
        }
    }

    [Fact]
    public void Data_flows_both_ways_through_the_accepted_handle()
    {
        using var listener = Loopback.ListenV4();
        using var client = new TcpClient(AddressFamily.InterNetwork) { ReceiveTimeout = 10_000 };
        client.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));
        var (accepted, _) = Loopback.AcceptPending(listener.Handle);
        using (accepted)
        using (var view = accepted.View())
        {
            view.ReceiveTimeout = 10_000;
            var request = Encoding.UTF8.GetBytes("hello from TcpClient");
            var reply = Encoding.UTF8.GetBytes("hello from the accepted handle");

            client.GetStream().Write(request);
            Assert.Equal(request, ReceiveExactly(view, request.Length));

            Assert.Equal(reply.Length, view.Send(reply));
            var received = new byte[reply.Length];
            client.GetStream().ReadExactly(received);
            Assert.Equal(reply, received);
        }
    }

    [Fact]
    public void Accept_on_IPv6_loopback_reports_the_IPv6_address()
    {
        using var listener = Loopback.ListenV6();
        using var client = new TcpClient(AddressFamily.InterNetworkV6);
        client.Connect(IPAddress.IPv6Loopback, NativeSocket.GetSockName(listener.Handle));

        var (accepted, address) = Loopback.AcceptPending(listener.Handle);
        using (accepted)
        using (var view = accepted.View())
        {
            Assert.Equal("::1", address);
            Assert.Equal(AddressFamily.InterNetworkV6, view.AddressFamily);
            Assert.Equal(client.Client.LocalEndPoint, view.RemoteEndPoint);
            Assert.True(Descriptors.IsCloseOnExec(accepted.Handle));
        }
    }

    [Fact]
    public void Accept_on_a_dual_stack_listener_shortens_an_IPv4_mapped_peer_to_its_dotted_quad()
    {
        // ::ffff:127.0.0.1 is 127.0.0.1 itself, as an IPv6 socket names it.
        var mappedLoopback = IPAddress.Loopback.MapToIPv6();
        using var socket = OwnedSocket.Create(Domain.AF_INET6);
        using (var setup = socket.View())
        {
            setup.DualMode = true;
        }

        Loopback.AssertSucceeded(Loopback.Bind(socket.Handle, new IPEndPoint(mappedLoopback, 0)), "BindAddr([::ffff:127.0.0.1]:0)");
        Loopback.AssertSucceeded(NativeSocket.Listen(socket.Handle), "Listen");
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, NativeSocket.GetSockName(socket.Handle));

        var (accepted, address) = Loopback.AcceptPending(socket.Handle);
        using (accepted)
        using (var view = accepted.View())
        {
            var remote = Assert.IsType<IPEndPoint>(view.RemoteEndPoint);
            Assert.Equal(mappedLoopback, remote.Address);
            Assert.Equal("127.0.0.1", address);
        }
    }

    [Fact]
    public void Accept_on_AF_UNIX_reports_the_peer_path_or_an_empty_one()
    {
        using var directory = new TempDirectory();
        using var listener = Loopback.ListenUnix(directory.PathOf("server.sock"));
        var serverEndPoint = new UnixDomainSocketEndPoint(directory.PathOf("server.sock"));

        using var unnamed = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        unnamed.Connect(serverEndPoint);
        var (fromUnnamed, unnamedAddress) = Loopback.AcceptPending(listener.Handle);
        using (fromUnnamed)
        using (var view = fromUnnamed.View())
        {
            Assert.Equal(string.Empty, unnamedAddress);
            Assert.Equal(AddressFamily.Unix, view.AddressFamily);
            Assert.True(Descriptors.IsCloseOnExec(fromUnnamed.Handle));
        }

        var clientPath = directory.PathOf("client.sock");
        using var named = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        named.Bind(new UnixDomainSocketEndPoint(clientPath));
        named.Connect(serverEndPoint);
        var (fromNamed, namedAddress) = Loopback.AcceptPending(listener.Handle);
        using (fromNamed)
        {
            Assert.Equal(clientPath, namedAddress);
        }
    }

    [Fact]
    public void Accept_on_a_non_blocking_listener_with_nothing_pending_gives_EAGAIN()
    {
        using var listener = Loopback.ListenV4();
        Descriptors.SetNonBlocking(listener.Handle);

        var (client, address) = NativeSocket.Accept(listener.Handle);
        var errno = Marshal.GetLastPInvokeError();
        using var owned = new OwnedSocket(client);

        Assert.Equal(NativeSocket.OsInvalidSocket, client);
        Assert.Equal(string.Empty, address);
        Assert.True(errno == NativeSocket.EAGAIN || errno == NativeSocket.EWOULDBLOCK, $"errno {errno}");

        // Still a working listener: the next connection is accepted.
        using var peer = new TcpClient(AddressFamily.InterNetwork);
        peer.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));
        var (accepted, acceptedAddress) = Loopback.AcceptPending(listener.Handle);
        using (accepted)
        {
            Assert.Equal("127.0.0.1", acceptedAddress);
        }
    }

    [Fact]
    public void Accept_on_a_closed_handle_gives_EBADF()
    {
        var closed = Descriptors.ClosedHandle();

        var (client, address) = NativeSocket.Accept(closed);
        var errno = Marshal.GetLastPInvokeError();
        using var owned = new OwnedSocket(client);

        Assert.Equal(NativeSocket.OsInvalidSocket, client);
        Assert.Equal(string.Empty, address);
        Assert.Equal(PlatformErrors.NotOpen, errno);
    }

    [Fact]
    public void Accept_on_a_socket_that_is_not_listening_gives_EINVAL()
    {
        using var socket = OwnedSocket.Create();
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");

        var (client, address) = NativeSocket.Accept(socket.Handle);
        var errno = Marshal.GetLastPInvokeError();
        using var owned = new OwnedSocket(client);

        Assert.True(client.IsInvalid);
        Assert.Equal(string.Empty, address);
        Assert.Equal(NativeSocket.EINVAL, errno);
    }

    private static byte[] ReceiveExactly(Socket socket, int count)
    {
        var buffer = new byte[count];
        var received = 0;
        while (received < count)
        {
            var n = socket.Receive(buffer.AsSpan(received));
            Assert.True(n > 0, "the connection closed early");
            received += n;
        }

        return buffer;
    }
}
