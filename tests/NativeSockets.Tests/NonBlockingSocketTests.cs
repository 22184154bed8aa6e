using System;
using System.Net;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>Accept and CreateNativeSocket with the socket's mode: NativeSocket.NonBlocking.cs.</summary>
public unsafe class NonBlockingSocketTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Accept_non_blocking_gives_a_socket_whose_receive_fails_at_once_with_EAGAIN(bool inheritable)
    {
        using var listener = Loopback.ListenV4();
        using var peer = LoopbackPeers.ConnectTo(listener.Handle);
        Loopback.WaitForPendingConnection(listener.Handle);

        var (client, address) = NativeSocket.Accept(listener.Handle, inheritable, blocking: false);
        using var owned = new OwnedSocket(client);

        Assert.False(client.IsInvalid, $"Accept failed: errno {NativeSocket.LastError}");
        Assert.Equal("127.0.0.1", address);
        SocketModes.AssertReceiveWouldBlock(client);
        Assert.True(SocketModes.IsNonBlocking(client));
        Assert.Equal(!inheritable, Descriptors.IsCloseOnExec(client));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Accept_blocking_gives_a_blocking_socket_even_from_a_non_blocking_listener(bool inheritable)
    {
        // macOS and Windows give an accepted socket its listener's mode; the call must set the one asked for.
        using var listener = Loopback.ListenV4();
        NativeSocket.SetBlocking(listener.Handle, false);
        using var peer = LoopbackPeers.ConnectTo(listener.Handle);
        Loopback.WaitForPendingConnection(listener.Handle);

        var (client, _) = NativeSocket.Accept(listener.Handle, inheritable, blocking: true);
        using var owned = new OwnedSocket(client);

        Assert.False(client.IsInvalid, $"Accept failed: errno {NativeSocket.LastError}");
        Assert.False(SocketModes.IsNonBlocking(client));
        Assert.Equal(!inheritable, Descriptors.IsCloseOnExec(client));
    }

    [Fact]
    public void The_allocation_free_Accept_non_blocking_gives_the_peers_address_and_a_non_blocking_socket()
    {
        using var listener = Loopback.ListenV4();
        using var peer = LoopbackPeers.ConnectTo(listener.Handle);
        Loopback.WaitForPendingConnection(listener.Handle);

        var client = NativeSocket.Accept(listener.Handle, out var storage, out var length, inheritable: false, blocking: false);
        using var owned = new OwnedSocket(client);

        Assert.False(client.IsInvalid, $"Accept failed: errno {NativeSocket.LastError}");
        Assert.Equal((uint)sizeof(SockAddrIn), length.Value);
        var endPoint = NativeSocket.ToIPEndPoint((SockAddr*)&storage, length);
        Assert.Equal(peer.LocalEndPoint, endPoint);
        SocketModes.AssertReceiveWouldBlock(client);
        Assert.True(Descriptors.IsCloseOnExec(client));
    }

    [Fact]
    public void The_non_blocking_socket_still_carries_data_both_ways()
    {
        using var listener = Loopback.ListenV4();
        using var peer = LoopbackPeers.ConnectTo(listener.Handle);
        Loopback.WaitForPendingConnection(listener.Handle);
        using var client = new OwnedSocket(NativeSocket.Accept(listener.Handle, inheritable: false, blocking: false).Client);

        peer.Send([1, 2, 3]);
        Assert.Equal(1, NativeSocket.SelectRead([client.Handle], 10_000));
        var buffer = new byte[3];
        Assert.Equal(3, NativeSocket.Recv(client.Handle, buffer));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer);
        Assert.Equal(2, NativeSocket.Send(client.Handle, new byte[] { 4, 5 }));
        peer.ReceiveTimeout = 10_000;
        Assert.Equal(2, peer.Receive(buffer));
    }

    [Fact]
    public void Accept_non_blocking_with_nothing_pending_on_a_non_blocking_listener_fails_with_EAGAIN()
    {
        using var listener = Loopback.ListenV4();
        NativeSocket.SetBlocking(listener.Handle, false);

        var (client, address) = NativeSocket.Accept(listener.Handle, inheritable: false, blocking: false);

        Assert.True(client.IsInvalid);
        Assert.Equal(NativeSocket.EAGAIN, NativeSocket.LastError);
        Assert.Equal(string.Empty, address);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CreateNativeSocket_non_blocking_gives_a_socket_whose_receive_fails_at_once(bool inheritable)
    {
        using var socket = new OwnedSocket(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP, inheritable, blocking: false));
        Assert.False(socket.Handle.IsInvalid, $"CreateNativeSocket failed: errno {NativeSocket.LastError}");
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");

        SocketModes.AssertReceiveWouldBlock(socket.Handle);
        Assert.True(SocketModes.IsNonBlocking(socket.Handle));
        Assert.Equal(!inheritable, Descriptors.IsCloseOnExec(socket.Handle));
    }

    [Fact]
    public void CreateNativeSocket_blocking_gives_a_blocking_socket()
    {
        using var socket = new OwnedSocket(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP, inheritable: false, blocking: true));
        Assert.False(socket.Handle.IsInvalid, $"CreateNativeSocket failed: errno {NativeSocket.LastError}");
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");

        Assert.False(SocketModes.IsNonBlocking(socket.Handle));
    }

    [Fact]
    public void A_non_blocking_TCP_socket_from_CreateNativeSocket_connects_in_the_background()
    {
        using var listener = Loopback.ListenV4();
        using var socket = new OwnedSocket(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, inheritable: false, blocking: false));
        Assert.True(SocketModes.IsNonBlocking(socket.Handle) || OperatingSystem.IsWindows());

        var result = Connected.ConnectTo(socket.Handle, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle)));
        var errno = NativeSocket.LastError;

        Assert.True(result == 0 || errno == NativeSocket.EINPROGRESS, $"connect gave {result}, errno {errno}");
        Assert.Equal(1, NativeSocket.SelectWrite([socket.Handle], 10_000));
        Assert.Equal(0, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_ERROR));
    }

    [Fact]
    public void The_native_number_overload_does_what_the_enum_overload_does()
    {
        using var socket = new OwnedSocket(NativeSocket.CreateNativeSocket(
            NativeSocket.ToInt(Domain.AF_INET6), NativeSocket.ToInt(SockType.SOCK_DGRAM), NativeSocket.ToInt(Protocol.IPPROTO_UDP), inheritable: false, blocking: false));
        Assert.False(socket.Handle.IsInvalid, $"CreateNativeSocket failed: errno {NativeSocket.LastError}");
        Loopback.AssertSucceeded(Loopback.Bind(socket.Handle, new IPEndPoint(IPAddress.IPv6Loopback, 0)), "BindAddr([::1]:0)");

        Assert.Equal(Domain.AF_INET6, NativeSocket.GetSockDomain(socket.Handle));
        SocketModes.AssertReceiveWouldBlock(socket.Handle);
    }

    [PosixFact("SOCK_NONBLOCK is a socket() flag of Linux and FreeBSD; macOS and Windows have none")]
    public void A_blocking_socket_is_blocking_even_when_the_type_carries_SOCK_NONBLOCK()
    {
        Assert.SkipUnless(Native.Defined.SOCK_NONBLOCK, "the platform has no SOCK_NONBLOCK");
        var sockType = NativeSocket.ToInt(SockType.SOCK_STREAM) | Native.SOCK_NONBLOCK;

        using var blocking = new OwnedSocket(NativeSocket.CreateNativeSocket(NativeSocket.ToInt(Domain.AF_INET), sockType, 0, inheritable: false, blocking: true));
        using var flagged = new OwnedSocket(NativeSocket.CreateNativeSocket(NativeSocket.ToInt(Domain.AF_INET), sockType, 0));

        Assert.False(SocketModes.IsNonBlocking(blocking.Handle));
        Assert.True(SocketModes.IsNonBlocking(flagged.Handle));
    }

    [Fact]
    public void Nims_Accept_and_CreateNativeSocket_still_give_blocking_sockets()
    {
        using var listener = Loopback.ListenV4();
        using var peer = LoopbackPeers.ConnectTo(listener.Handle);
        var (client, _) = Loopback.AcceptPending(listener.Handle);
        using (client)
        {
            Assert.False(SocketModes.IsNonBlocking(client.Handle));
        }

        using var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");
        Assert.False(SocketModes.IsNonBlocking(socket.Handle));
    }
}
