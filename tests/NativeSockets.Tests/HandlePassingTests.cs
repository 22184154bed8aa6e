using System;
using System.Net.Sockets;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>SendHandles and RecvHandles: a socket handed across an AF_UNIX pair is usable on the other side.</summary>
public class HandlePassingTests
{
    [PosixFact("Windows cannot pass handles over a socket (SCM_RIGHTS)")]
    public void A_connected_TCP_socket_handed_across_a_pair_talks_to_its_peer_from_the_other_side()
    {
        var (sender, receiver) = SocketPairTests.Pair();
        using (sender)
        using (receiver)
        using (var connected = Connected.Tcp())
        {
            Assert.Equal(1, NativeSocket.SendHandles(sender.Handle, new byte[] { 42 }, [connected.Native.Handle]));

            var data = new byte[4];
            var handles = new SocketHandle[2];
            Assert.Equal(1, NativeSocket.RecvHandles(receiver.Handle, data, handles, out var count));
            Assert.Equal(1, count);
            Assert.Equal(42, data[0]);
            Assert.True(handles[1] == default, "RecvHandles wrote past the handles that arrived");
            using var received = new OwnedSocket(handles[0]);
            Assert.NotEqual(connected.Native.Handle, received.Handle);

            // The sender's descriptor closes; the received one still holds the connection.
            connected.Native.Dispose();
            Assert.Equal(5, NativeSocket.Send(received.Handle, "hello"u8));
            var reply = new byte[5];
            connected.Peer.ReceiveTimeout = (int)Loopback.Patience.TotalMilliseconds;
            Assert.Equal(5, connected.Peer.Receive(reply));
            Assert.Equal("hello"u8.ToArray(), reply);

            connected.Peer.Send(new byte[] { 7, 8 });
            Assert.Equal(2, NativeSocket.Recv(received.Handle, reply));
            Assert.Equal(new byte[] { 7, 8 }, reply[..2]);
        }
    }

    [PosixFact("Windows cannot pass handles over a socket (SCM_RIGHTS)")]
    public void A_listener_handed_across_accepts_on_the_other_side()
    {
        var (sender, receiver) = SocketPairTests.Pair();
        using (sender)
        using (receiver)
        using (var listener = Loopback.ListenV4())
        {
            var port = NativeSocket.GetSockName(listener.Handle);
            Assert.Equal(3, NativeSocket.SendHandles(sender.Handle, "abc"u8, [listener.Handle]));
            listener.Dispose();

            var handles = new SocketHandle[1];
            Assert.Equal(3, NativeSocket.RecvHandles(receiver.Handle, new byte[3], handles, out var count));
            Assert.Equal(1, count);
            using var received = new OwnedSocket(handles[0]);
            Assert.Equal(port, NativeSocket.GetSockName(received.Handle));

            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(System.Net.IPAddress.Loopback, port.Value);
            var (accepted, _) = Loopback.AcceptPending(received.Handle);
            using (accepted)
            {
                Assert.Equal(1, NativeSocket.Send(accepted.Handle, new byte[] { 5 }));
                var one = new byte[1];
                client.ReceiveTimeout = (int)Loopback.Patience.TotalMilliseconds;
                Assert.Equal(1, client.Receive(one));
                Assert.Equal(5, one[0]);
            }
        }
    }

    [PosixFact("reads FD_CLOEXEC with fcntl")]
    public void Received_handles_are_not_inherited_unless_asked()
    {
        var (sender, receiver) = SocketPairTests.Pair();
        using (sender)
        using (receiver)
        using (var socket = OwnedSocket.Create(inheritable: true))
        {
            Assert.False(Descriptors.IsCloseOnExec(socket.Handle));
            var handles = new SocketHandle[1];

            Assert.Equal(1, NativeSocket.SendHandles(sender.Handle, new byte[] { 1 }, [socket.Handle]));
            Assert.Equal(1, NativeSocket.RecvHandles(receiver.Handle, new byte[1], handles, out _));
            using (var received = new OwnedSocket(handles[0]))
            {
                Assert.True(Descriptors.IsCloseOnExec(received.Handle));
            }

            Assert.Equal(1, NativeSocket.SendHandles(sender.Handle, new byte[] { 1 }, [socket.Handle]));
            Assert.Equal(1, NativeSocket.RecvHandles(receiver.Handle, new byte[1], handles, out _, inheritable: true));
            using (var received = new OwnedSocket(handles[0]))
            {
                Assert.False(Descriptors.IsCloseOnExec(received.Handle));
            }
        }
    }

    [PosixFact("Windows cannot pass handles over a socket (SCM_RIGHTS)")]
    public void Several_handles_arrive_in_order_and_data_without_handles_gives_none()
    {
        var (sender, receiver) = SocketPairTests.Pair();
        using (sender)
        using (receiver)
        using (var udp = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP))
        using (var tcp = OwnedSocket.Create(Domain.AF_INET6))
        {
            Assert.Equal(2, NativeSocket.SendHandles(sender.Handle, new byte[] { 1, 2 }, [udp.Handle, tcp.Handle]));
            var handles = new SocketHandle[4];
            Assert.Equal(2, NativeSocket.RecvHandles(receiver.Handle, new byte[2], handles, out var count));
            Assert.Equal(2, count);
            using (new OwnedSocket(handles[0]))
            using (new OwnedSocket(handles[1]))
            {
                Assert.Equal(Domain.AF_INET, NativeSocket.GetSockDomain(handles[0]));
                Assert.Equal(Domain.AF_INET6, NativeSocket.GetSockDomain(handles[1]));
            }

            Assert.Equal(1, NativeSocket.SendHandles(sender.Handle, new byte[] { 3 }, []));
            Assert.Equal(1, NativeSocket.RecvHandles(receiver.Handle, new byte[1], handles, out count));
            Assert.Equal(0, count);
        }
    }

    [PosixFact("Windows cannot pass handles over a socket (SCM_RIGHTS)")]
    public void More_handles_than_room_is_EMSGSIZE_with_none_stored()
    {
        var (sender, receiver) = SocketPairTests.Pair(SockType.SOCK_DGRAM);
        using (sender)
        using (receiver)
        using (var socket = OwnedSocket.Create())
        {
            Assert.Equal(1, NativeSocket.SendHandles(sender.Handle, new byte[] { 1 }, [socket.Handle, socket.Handle, socket.Handle]));
            var handles = new SocketHandle[1];
            Assert.Equal(-1, NativeSocket.RecvHandles(receiver.Handle, new byte[1], handles, out var count));
            Assert.Equal(NativeSocket.EMSGSIZE, NativeSocket.LastError);
            Assert.Equal(0, count);
            Assert.True(handles[0] == default || handles[0].IsInvalid, "a handle that was closed is still reported");

            // Handles sent to a receiver with no room at all are refused the same way.
            Assert.Equal(1, NativeSocket.SendHandles(sender.Handle, new byte[] { 1 }, [socket.Handle]));
            Assert.Equal(-1, NativeSocket.RecvHandles(receiver.Handle, new byte[1], [], out count));
            Assert.Equal(NativeSocket.EMSGSIZE, NativeSocket.LastError);
        }
    }

    [WindowsFact("Windows cannot pass handles over a socket: the calls say so")]
    public void On_Windows_handle_passing_is_not_supported()
    {
        using var socket = OwnedSocket.Create();
        Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.SendHandles(socket.Handle, new byte[1], [socket.Handle]));
        Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.RecvHandles(socket.Handle, new byte[1], new SocketHandle[1], out _));
    }
}
