using System;
using System.Net;
using System.Net.Sockets;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class SafeSocketHandleTests
{
    [Fact]
    public void An_owning_SafeSocketHandle_closes_the_descriptor_when_its_Socket_is_disposed()
    {
        var handle = Descriptors.CreateHigh().Release();
        Port port;
        using (var socket = new Socket(NativeSocket.ToSafeSocketHandle(handle, ownsHandle: true)))
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = NativeSocket.GetSockName(handle);
            Assert.Equal(((IPEndPoint)socket.LocalEndPoint!).Port, port.Value);
        }

        Descriptors.AssertClosed(handle, port);
    }

    [Fact]
    public void A_non_owning_SafeSocketHandle_leaves_the_descriptor_open()
    {
        using var owned = Descriptors.CreateHigh();
        using (var socket = new Socket(NativeSocket.ToSafeSocketHandle(owned.Handle, ownsHandle: false)))
        {
            Assert.Equal(AddressFamily.InterNetwork, socket.AddressFamily);
        }

        Assert.True(Descriptors.IsOpen(owned.Handle));
        Assert.Equal(Domain.AF_INET, NativeSocket.GetSockDomain(owned.Handle));
    }

    [Fact]
    public void Borrowing_from_a_Socket_gives_its_descriptor_and_leaves_it_the_owner()
    {
        // A descriptor far above the ones in use, so no other test can be given its number once closed.
        var high = Descriptors.CreateHigh().Release();
        var socket = new Socket(NativeSocket.ToSafeSocketHandle(high, ownsHandle: true));
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        var handle = NativeSocket.FromSafeSocketHandle(socket.SafeHandle, duplicate: false);

        Assert.Equal(high, handle);
        Assert.Equal(socket.Handle, handle.Value);
        Assert.Equal(("127.0.0.1", (Port)(ushort)((IPEndPoint)socket.LocalEndPoint!).Port), NativeSocket.GetLocalAddr(handle));
        var port = NativeSocket.GetSockName(handle);
        socket.Dispose();
        Descriptors.AssertClosed(handle, port);
    }

    [Fact]
    public void A_duplicate_is_the_callers_and_outlives_the_Socket()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(listener.LocalEndpoint);
        using var server = listener.AcceptSocket();

        using var owned = new OwnedSocket(NativeSocket.FromSafeSocketHandle(socket.SafeHandle, duplicate: true));
        Assert.NotEqual(socket.Handle, owned.Handle.Value);
        Assert.True(Descriptors.IsCloseOnExec(owned.Handle));
        socket.Dispose();

        Assert.True(Descriptors.IsOpen(owned.Handle));
        Assert.Equal(3, NativeSocket.Send(owned.Handle, new byte[] { 1, 2, 3 }));
        var received = new byte[3];
        server.ReceiveTimeout = (int)Loopback.Patience.TotalMilliseconds;
        Assert.Equal(3, server.Receive(received));
        Assert.Equal(new byte[] { 1, 2, 3 }, received);
    }

    [Fact]
    public void Bad_arguments_are_rejected_by_name()
    {
        Assert.Equal("socket", Assert.Throws<ArgumentException>(() => NativeSocket.ToSafeSocketHandle(NativeSocket.OsInvalidSocket, ownsHandle: false)).ParamName);
        Assert.Equal("handle", Assert.Throws<ArgumentNullException>(() => NativeSocket.FromSafeSocketHandle(null!, duplicate: false)).ParamName);

        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var safe = socket.SafeHandle;
        socket.Dispose();
        Assert.Throws<ObjectDisposedException>(() => NativeSocket.FromSafeSocketHandle(safe, duplicate: false));
    }
}
