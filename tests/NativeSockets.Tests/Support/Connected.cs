using System;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>A native TCP socket connected on loopback to a System.Net socket, both closed together.</summary>
internal sealed class Connected : IDisposable
{
    private Connected(OwnedSocket native, Socket peer)
    {
        Native = native;
        Peer = peer;
    }

    /// <summary>The library's end.</summary>
    public OwnedSocket Native { get; }

    /// <summary>System.Net's end: an independent reader and writer.</summary>
    public Socket Peer { get; }

    /// <summary>A native client connected to a System.Net listener on 127.0.0.1 (or ::1).</summary>
    public static Connected Tcp(bool ipv6 = false)
    {
        using var listener = new TcpListener(ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0);
        listener.Start();
        var native = OwnedSocket.Create(ipv6 ? Domain.AF_INET6 : Domain.AF_INET);
        try
        {
            Loopback.AssertSucceeded(ConnectTo(native.Handle, listener.LocalEndpoint), "Connect");
            return new Connected(native, listener.AcceptSocket());
        }
        catch
        {
            native.Dispose();
            throw;
        }
    }

    /// <summary>NativeSocket.Connect with an address System.Net serialized.</summary>
    public static unsafe int ConnectTo(SocketHandle socket, EndPoint endPoint)
    {
        var storage = Loopback.ToStorage(endPoint, out var length);
        return NativeSocket.Connect(socket, (SockAddr*)&storage, length);
    }

    /// <summary>Sends from the peer and waits (boundedly) until the native end can read it.</summary>
    public void PeerSends(params byte[] data)
    {
        Assert.Equal(data.Length, Peer.Send(data));
        using var view = Native.View();
        Assert.True(view.Poll(Loopback.Patience, SelectMode.SelectRead), "the data did not arrive");
    }

    public void Dispose()
    {
        Peer.Dispose();
        Native.Dispose();
    }
}
