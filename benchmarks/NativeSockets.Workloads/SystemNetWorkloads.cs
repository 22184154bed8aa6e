using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace NativeSockets.Workloads;

/// <summary>W1-W7 (and W8's O(n) wait) as a System.Net.Sockets user writes them.</summary>
internal static class SystemNetWorkloads
{
    private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    public static void SocketClose(long n)
    {
        for (long i = 0; i < n; i++)
        {
            new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp).Dispose();
        }
    }

    public static void ConnectAccept(long n)
    {
        using var listener = Listener();
        var endPoint = listener.LocalEndPoint!;
        for (long i = 0; i < n; i++)
        {
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(endPoint);
            listener.Accept().Dispose();
        }
    }

    public static void SetGetOption(long n)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        for (long i = 0; i < n; i++)
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, (int)(i & 1));
            _ = socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive);
        }
    }

    public static void GetAddrInfo(long n)
    {
        for (long i = 0; i < n; i++)
        {
            _ = Dns.GetHostAddresses("127.0.0.1", AddressFamily.InterNetwork);
        }
    }

    public static Action<long> Poll(int count) => n =>
    {
        ConnectedPair(out var a, out var b);
        a.Send("x"u8);
        var sockets = new List<Socket> { b };
        for (var k = 1; k < count; k++)
        {
            sockets.Add(new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
        }

        var checkRead = new List<Socket>(count);
        Measurement.LoopStarts();
        for (long i = 0; i < n; i++)
        {
            checkRead.Clear();
            checkRead.AddRange(sockets);
            Socket.Select(checkRead, null, null, 0);
            if (checkRead.Count != 1)
            {
                throw new InvalidOperationException("Socket.Select found the wrong sockets ready.");
            }
        }

        Measurement.LoopEnds();
        sockets.ForEach(s => s.Dispose());
        a.Dispose();
    };

    public static void PingPong(long n)
    {
        ConnectedPair(out var a, out var b);
        Span<byte> message = stackalloc byte[64];
        Span<byte> buffer = stackalloc byte[64];
        for (long i = 0; i < n; i++)
        {
            a.Send(message);
            Receive(b, buffer);
            b.Send(buffer);
            Receive(a, message);
        }

        a.Dispose();
        b.Dispose();
    }

    private static void Receive(Socket socket, Span<byte> buffer)
    {
        var received = 0;
        while (received < buffer.Length)
        {
            received += socket.Receive(buffer[received..]);
        }
    }

    private static Socket Listener()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(AnyLoopbackPort);
        listener.Listen();
        return listener;
    }

    private static void ConnectedPair(out Socket a, out Socket b)
    {
        using var listener = Listener();
        a = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        a.Connect(listener.LocalEndPoint!);
        b = listener.Accept();
        b.NoDelay = true;
    }
}
