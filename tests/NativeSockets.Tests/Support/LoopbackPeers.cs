using System.Net;
using System.Net.Sockets;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>What the other end of a loopback connection does to put a native socket in a given state.</summary>
internal static class LoopbackPeers
{
    /// <summary>A System.Net client connected to a native listener on 127.0.0.1, so the listener has a connection pending.</summary>
    public static Socket ConnectTo(SocketHandle listener)
    {
        var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        peer.Connect(new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(listener)));
        return peer;
    }

    /// <summary>Makes a connected socket non-blocking and sends until its buffers are full, so it is not writable until the peer reads.</summary>
    public static void FillSendBuffer(SocketHandle socket)
    {
        Descriptors.SetNonBlocking(socket);
        var chunk = new byte[65536];
        while (NativeSocket.Send(socket, chunk, NativeSocket.MSG_NOSIGNAL) > 0)
        {
        }

        Assert.Equal(NativeSocket.EAGAIN, NativeSocket.LastError);
    }
}
