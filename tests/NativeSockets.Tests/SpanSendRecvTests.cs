using System;
using System.Net.Sockets;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class SpanSendRecvTests
{
    [Fact]
    public void Send_sends_the_spans_bytes_and_only_those()
    {
        using var pair = Connected.Tcp();
        var buffer = new byte[] { 0, 1, 2, 3, 4, 5, 6, 7 };

        Assert.Equal(3, NativeSocket.Send(pair.Native.Handle, buffer.AsSpan(2, 3)));

        var received = new byte[16];
        Assert.Equal(3, pair.Peer.Receive(received));
        Assert.Equal(new byte[] { 2, 3, 4 }, received[..3]);
    }

    [Fact]
    public void Recv_fills_no_more_than_the_span()
    {
        using var pair = Connected.Tcp();
        pair.PeerSends(1, 2, 3, 4, 5);
        var buffer = new byte[8];

        Assert.Equal(2, NativeSocket.Recv(pair.Native.Handle, buffer.AsSpan(1, 2)));
        Assert.Equal(3, NativeSocket.Recv(pair.Native.Handle, buffer.AsSpan(3)));

        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5, 0, 0 }, buffer);
    }

    [Fact]
    public void Send_and_Recv_with_spans_allocate_nothing()
    {
        using var pair = Connected.Tcp();
        Span<byte> outgoing = stackalloc byte[64];
        Span<byte> incoming = stackalloc byte[64];
        outgoing.Fill(7);
        _ = NativeSocket.Send(pair.Native.Handle, outgoing);
        _ = pair.Peer.Receive(new byte[64]);
        pair.PeerSends(new byte[64]);
        _ = NativeSocket.Recv(pair.Native.Handle, incoming);

        // Non-blocking rather than MSG_DONTWAIT, which Winsock does not have: the peek finds nothing and returns at once.
        Descriptors.SetNonBlocking(pair.Native.Handle);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sent = NativeSocket.Send(pair.Native.Handle, outgoing);
        var received = NativeSocket.Recv(pair.Native.Handle, incoming, NativeSocket.MSG_PEEK);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(64, sent);
        Assert.Equal(-1, received);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Empty_spans_send_and_receive_nothing()
    {
        using var pair = Connected.Tcp();

        Assert.Equal(0, NativeSocket.Send(pair.Native.Handle, ReadOnlySpan<byte>.Empty));
        using var view = pair.Peer;
        Assert.Equal(0, view.Available);
    }

    [Fact]
    public void A_closed_handle_gives_minus_1_with_EBADF()
    {
        var closed = Descriptors.ClosedHandle();

        Assert.Equal(-1, NativeSocket.Send(closed, new byte[] { 1 }));
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
        Assert.Equal(-1, NativeSocket.Recv(closed, new byte[1]));
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
    }

    [Fact]
    public void Recv_on_a_UDP_socket_truncates_a_datagram_to_the_span()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.SendTo(new byte[] { 1, 2, 3, 4 }, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, NativeSocket.GetSockName(socket.Handle)));
        var buffer = new byte[2];

        var received = NativeSocket.Recv(socket.Handle, buffer);

        // Winsock fills the span too, but reports the lost rest of the datagram as WSAEMSGSIZE.
        if (OperatingSystem.IsWindows())
        {
            Assert.Equal(-1, received);
            Assert.Equal(NativeSocket.EMSGSIZE, NativeSocket.LastError);
        }
        else
        {
            Assert.Equal(2, received);
        }

        Assert.Equal(new byte[] { 1, 2 }, buffer);
    }
}
