using System;
using System.Collections.Generic;
using NativeSockets.Selectors;

namespace NativeSockets.Workloads;

/// <summary>W1-W8 through the NativeSockets API, using its allocation-free forms where Nim's allocate.</summary>
internal static unsafe class NativeSocketsWorkloads
{
    public static void SocketClose(long n)
    {
        for (long i = 0; i < n; i++)
        {
            NativeSocket.Close(Valid(NativeSocket.CreateNativeSocket()));
        }
    }

    public static void ConnectAccept(long n)
    {
        var listener = Listener(out var address);
        for (long i = 0; i < n; i++)
        {
            var client = Valid(NativeSocket.CreateNativeSocket());
            Check(NativeSocket.Connect(client, (SockAddr*)&address, sizeof(SockAddrIn)));
            NativeSocket.Close(Valid(NativeSocket.Accept(listener, out _, out _)));
            NativeSocket.Close(client);
        }

        NativeSocket.Close(listener);
    }

    public static void SetGetOption(long n)
    {
        var socket = Valid(NativeSocket.CreateNativeSocket());
        var level = NativeSocket.SOL_SOCKET;
        var option = NativeSocket.SO_KEEPALIVE;
        for (long i = 0; i < n; i++)
        {
            NativeSocket.SetSockOptInt(socket, level, option, (int)(i & 1));
            _ = NativeSocket.GetSockOptInt(socket, level, option);
        }

        NativeSocket.Close(socket);
    }

    public static void GetAddrInfo(long n)
    {
        var port = new Port(80);
        for (long i = 0; i < n; i++)
        {
            NativeSocket.FreeAddrInfo(NativeSocket.GetAddrInfo("127.0.0.1"u8, port));
        }
    }

    public static void GetAddrInfoRaw(long n)
    {
        var hints = new AddrInfo
        {
            ai_family = NativeSocket.ToInt(Domain.AF_INET),
            ai_socktype = NativeSocket.ToInt(SockType.SOCK_STREAM),
            ai_protocol = NativeSocket.ToInt(Protocol.IPPROTO_TCP),
        };
        fixed (byte* host = "127.0.0.1\0"u8, service = "80\0"u8)
        {
            for (long i = 0; i < n; i++)
            {
                Check(NativeSocket.GetAddrInfo(host, service, &hints, out var list));
                NativeSocket.FreeAddrInfo(list);
            }
        }
    }

    public static void GetServByName(long n)
    {
        for (long i = 0; i < n; i++)
        {
            if (!NativeSocket.TryGetServByName("http"u8, "tcp"u8, out _))
            {
                throw new InvalidOperationException("TryGetServByName did not find http/tcp.");
            }
        }
    }

    public static Action<long> Poll(int count) => n =>
    {
        ConnectedPair(out var a, out var b);
        Check(NativeSocket.Send(a, "x"u8) == 1 ? 0 : -1);
        var sockets = new List<SocketHandle> { b };
        for (var k = 1; k < count; k++)
        {
            sockets.Add(Valid(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP)));
        }

        var readable = new List<SocketHandle>(count);
        Measurement.LoopStarts();
        for (long i = 0; i < n; i++)
        {
            readable.Clear();
            readable.AddRange(sockets);
            if (NativeSocket.SelectRead(readable, 0) != 1)
            {
                throw new InvalidOperationException("SelectRead found the wrong sockets ready.");
            }
        }

        Measurement.LoopEnds();
        sockets.ForEach(NativeSocket.Close);
        NativeSocket.Close(a);
    };

    public static Action<long> SelectorWait(int idle) => n =>
    {
        ConnectedPair(out var a, out var b);
        Check(NativeSocket.Send(a, "x"u8) == 1 ? 0 : -1);
        var sockets = new List<SocketHandle>(idle);
        using (var selector = new Selector<int>())
        {
            selector.RegisterHandle(b, Event.Read, 0);
            for (var k = 0; k < idle; k++)
            {
                sockets.Add(Valid(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP)));
                selector.RegisterHandle(sockets[k], Event.Read, k + 1);
            }

            Span<ReadyKey> ready = stackalloc ReadyKey[64];
            Measurement.LoopStarts();
            for (long i = 0; i < n; i++)
            {
                if (selector.SelectInto(0, ready) != 1)
                {
                    throw new InvalidOperationException("the selector found the wrong sockets ready.");
                }
            }

            Measurement.LoopEnds();
        }

        sockets.ForEach(NativeSocket.Close);
        NativeSocket.Close(a);
        NativeSocket.Close(b);
    };

    public static void PingPong(long n)
    {
        ConnectedPair(out var a, out var b);
        Span<byte> message = stackalloc byte[64];
        Span<byte> buffer = stackalloc byte[64];
        var flags = NativeSocket.MSG_NOSIGNAL;
        for (long i = 0; i < n; i++)
        {
            Check(NativeSocket.Send(a, message, flags) == 64 ? 0 : -1);
            Receive(b, buffer);
            Check(NativeSocket.Send(b, buffer, flags) == 64 ? 0 : -1);
            Receive(a, message);
        }

        NativeSocket.Close(a);
        NativeSocket.Close(b);
    }

    private static void Receive(SocketHandle socket, Span<byte> buffer)
    {
        var received = 0;
        while (received < buffer.Length)
        {
            var count = NativeSocket.Recv(socket, buffer[received..]);
            Check(count > 0 ? 0 : -1);
            received += (int)count;
        }
    }

    private static SocketHandle Listener(out SockAddrIn address)
    {
        var listener = Valid(NativeSocket.CreateNativeSocket());
        address = SockAddrIn.Create(0x7F000001, new Port(0));
        fixed (SockAddrIn* bound = &address)
        {
            Check(NativeSocket.BindAddr(listener, (SockAddr*)bound, sizeof(SockAddrIn)));
            Check(NativeSocket.Listen(listener));
            address = SockAddrIn.Create(0x7F000001, NativeSocket.GetSockName(listener));
        }

        return listener;
    }

    private static void ConnectedPair(out SocketHandle a, out SocketHandle b)
    {
        var listener = Listener(out var address);
        a = Valid(NativeSocket.CreateNativeSocket());
        Check(NativeSocket.Connect(a, (SockAddr*)&address, sizeof(SockAddrIn)));
        b = Valid(NativeSocket.Accept(listener, out _, out _));
        var tcp = NativeSocket.ToInt(Protocol.IPPROTO_TCP);
        NativeSocket.SetSockOptInt(a, tcp, RawLinux.TCP_NODELAY, 1);
        NativeSocket.SetSockOptInt(b, tcp, RawLinux.TCP_NODELAY, 1);
        NativeSocket.Close(listener);
    }

    private static SocketHandle Valid(SocketHandle socket) =>
        socket.IsInvalid ? throw new InvalidOperationException("A NativeSockets call returned OsInvalidSocket.") : socket;

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new InvalidOperationException("A NativeSockets call failed in a workload.");
        }
    }
}
