using System;
using System.Net;
using System.Net.Sockets;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class RawCallTests
{
    [Fact]
    public void Connect_returns_0_and_the_listener_sees_the_connection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var socket = OwnedSocket.Create();

        var result = Connected.ConnectTo(socket.Handle, listener.LocalEndpoint);

        Assert.Equal(0, result);
        using var accepted = listener.AcceptSocket();
        Assert.Equal(accepted.RemoteEndPoint, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(socket.Handle)));
    }

    [Fact]
    public void Connect_on_a_closed_handle_returns_minus_1_with_EBADF()
    {
        var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, (Port)9);

        Assert.Equal(-1, NativeSocket.Connect(Descriptors.ClosedHandle(), (SockAddr*)&address, sizeof(SockAddrIn)));
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
    }

    [Fact]
    public void Send_and_Recv_move_bytes_between_pointers_and_System_Net()
    {
        using var pair = Connected.Tcp();
        var outgoing = new byte[] { 10, 20, 30, 40 };
        var incoming = new byte[8];

        fixed (byte* data = outgoing)
        {
            Assert.Equal(4, NativeSocket.Send(pair.Native.Handle, data, outgoing.Length, 0));
        }

        var received = new byte[4];
        Assert.Equal(4, pair.Peer.Receive(received));
        Assert.Equal(outgoing, received);

        pair.PeerSends(7, 8, 9);
        fixed (byte* buffer = incoming)
        {
            Assert.Equal(3, NativeSocket.Recv(pair.Native.Handle, buffer, incoming.Length, 0));
        }

        Assert.Equal(new byte[] { 7, 8, 9 }, incoming[..3]);
    }

    [Fact]
    public void Recv_returns_0_when_the_peer_has_closed()
    {
        using var pair = Connected.Tcp();
        pair.Peer.Shutdown(SocketShutdown.Send);
        var buffer = new byte[4];

        fixed (byte* bytes = buffer)
        {
            Assert.Equal(0, NativeSocket.Recv(pair.Native.Handle, bytes, buffer.Length, 0));
        }
    }

    [Fact]
    public void A_negative_length_is_rejected_by_name()
    {
        using var pair = Connected.Tcp();
        var buffer = new byte[4];

        fixed (byte* bytes = buffer)
        {
            var handle = pair.Native.Handle;
            var address = (nint)bytes;
            Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.Send(handle, (byte*)address, -1, 0)).ParamName);
            Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.Recv(handle, (byte*)address, -1, 0)).ParamName);
            Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.SendTo(handle, (byte*)address, -1, 0, null, 0)).ParamName);
            Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.RecvFrom(handle, (byte*)address, -1, 0, null, null)).ParamName);
        }
    }

    [Fact]
    public void SendTo_and_RecvFrom_carry_datagrams_and_the_senders_address()
    {
        using var native = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        Loopback.AssertSucceeded(Loopback.BindV4(native.Handle), "BindAddr");
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var peerAddress = Loopback.ToStorage(peer.LocalEndPoint!, out var peerLength);
        var payload = new byte[] { 1, 2, 3, 4, 5 };

        fixed (byte* data = payload)
        {
            Assert.Equal(5, NativeSocket.SendTo(native.Handle, data, payload.Length, 0, (SockAddr*)&peerAddress, peerLength));
        }

        var received = new byte[16];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        Assert.Equal(5, peer.ReceiveFrom(received, ref from));
        Assert.Equal(payload, received[..5]);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(native.Handle)), from);

        peer.SendTo(new byte[] { 9, 8 }, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(native.Handle)));
        SockAddrStorage sender;
        SockLen senderLength = (uint)sizeof(SockAddrStorage);
        var buffer = new byte[16];
        fixed (byte* bytes = buffer)
        {
            Assert.Equal(2, NativeSocket.RecvFrom(native.Handle, bytes, buffer.Length, 0, (SockAddr*)&sender, &senderLength));
        }

        Assert.Equal(new byte[] { 9, 8 }, buffer[..2]);
        Assert.Equal((uint)sizeof(SockAddrIn), senderLength.Value);
        Assert.Equal(peerAddress.ss_family, sender.ss_family);
        Assert.Equal(((IPEndPoint)peer.LocalEndPoint!).Port, NativeSocket.Ntohs(((SockAddrIn*)&sender)->sin_port));
    }

    [Fact]
    public void The_raw_Accept_fills_the_peer_address_and_leaves_the_socket_inheritable()
    {
        using var listener = Loopback.ListenV4();
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));
        Loopback.WaitForPendingConnection(listener.Handle);
        SockAddrStorage peer;
        SockLen length = (uint)sizeof(SockAddrStorage);

        using var accepted = new OwnedSocket(NativeSocket.Accept(listener.Handle, (SockAddr*)&peer, &length));

        Assert.False(accepted.Handle.IsInvalid);
        Assert.Equal((uint)sizeof(SockAddrIn), length.Value);
        Assert.Equal(((IPEndPoint)client.Client.LocalEndPoint!).Port, NativeSocket.Ntohs(((SockAddrIn*)&peer)->sin_port));
        Assert.False(Descriptors.IsCloseOnExec(accepted.Handle));
    }

    [Fact]
    public void The_raw_Accept_takes_null_for_the_address_and_fails_with_minus_1_on_a_closed_handle()
    {
        using var listener = Loopback.ListenV4();
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));
        Loopback.WaitForPendingConnection(listener.Handle);

        using var accepted = new OwnedSocket(NativeSocket.Accept(listener.Handle, null, null));
        Assert.False(accepted.Handle.IsInvalid);

        Assert.Equal(NativeSocket.OsInvalidSocket, NativeSocket.Accept(Descriptors.ClosedHandle(), null, null));
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
    }
}
