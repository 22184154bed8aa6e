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
        SendUntilFull(socket);
    }

    /// <summary>
    /// Sends on a non-blocking connected socket until it stays full. On Linux loopback a socket filled
    /// until EAGAIN turns writable once more some 50-80 ms later (the peer widens its window), then stays
    /// full: it is filled again until it stays full for 250 ms, so that a test (or a slow run, under
    /// emulation) that counts on it being full still finds it so.
    /// </summary>
    public static void SendUntilFull(SocketHandle socket)
    {
        var chunk = new byte[65536];
        using var view = OwnedSocket.ViewOf(socket);
        for (var round = 1; ; round++)
        {
            while (NativeSocket.Send(socket, chunk, NativeSocket.MSG_NOSIGNAL) > 0)
            {
            }

            Assert.Equal(NativeSocket.EAGAIN, NativeSocket.LastError);
            if (!view.Poll(250_000, SelectMode.SelectWrite))
            {
                return;
            }

            Assert.True(round < 20, "the socket still took data after 20 fills");
        }
    }
}
