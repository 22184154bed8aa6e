using System;
using System.Buffers.Binary;
using static NativeSockets.Workloads.RawLinux;

namespace NativeSockets.Workloads;

/// <summary>W1-W8 through <see cref="RawLinux"/>.</summary>
internal static unsafe class RawWorkloads
{
    public static void SocketClose(long n)
    {
        for (long i = 0; i < n; i++)
        {
            _ = close(Check(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)));
        }
    }

    public static void ConnectAccept(long n)
    {
        var listener = Listener(out var address);
        var peer = stackalloc byte[128];
        for (long i = 0; i < n; i++)
        {
            var client = Check(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
            Check(connect(client, &address, (uint)sizeof(SockaddrIn)));
            uint length = 128;
            _ = close(Check(accept4(listener, peer, &length, SOCK_CLOEXEC)));
            _ = close(client);
        }

        _ = close(listener);
    }

    public static void SetGetOption(long n)
    {
        var fd = Check(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        for (long i = 0; i < n; i++)
        {
            int value = (int)(i & 1), read = 0;
            uint length = sizeof(int);
            Check(setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &value, sizeof(int)));
            Check(getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &read, &length));
        }

        _ = close(fd);
    }

    public static void GetAddrInfo(long n)
    {
        var hints = new AddrinfoHints { Family = AF_INET, SockType = SOCK_STREAM, Protocol = IPPROTO_TCP };
        fixed (byte* host = "127.0.0.1\0"u8, service = "80\0"u8)
        {
            for (long i = 0; i < n; i++)
            {
                void* result;
                Check(getaddrinfo(host, service, &hints, &result) == 0 ? 0 : -1);
                freeaddrinfo(result);
            }
        }
    }

    public static void GetServByName(long n)
    {
        var entry = stackalloc byte[32];
        var buffer = stackalloc byte[1024];
        fixed (byte* name = "http\0"u8, protocol = "tcp\0"u8)
        {
            for (long i = 0; i < n; i++)
            {
                void* found;
                Check(getservbyname_r(name, protocol, entry, buffer, 1024, &found) == 0 && found != null ? 0 : -1);
            }
        }
    }

    public static Action<long> Poll(int count) => n =>
    {
        ConnectedPair(out var a, out var b);
        var one = (byte)'x';
        _ = send(a, &one, 1, MSG_NOSIGNAL);
        var fds = new Pollfd[count];
        fds[0].Fd = b;
        for (var k = 1; k < count; k++)
        {
            fds[k].Fd = Check(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
        }

        fixed (Pollfd* p = fds)
        {
            Measurement.LoopStarts();
            for (long i = 0; i < n; i++)
            {
                for (var k = 0; k < count; k++)
                {
                    p[k].Events = POLLIN;
                    p[k].ReturnedEvents = 0;
                }

                Check(poll(p, (ulong)count, 0) == 1 ? 0 : -1);
            }

            Measurement.LoopEnds();
        }

        foreach (var fd in fds)
        {
            _ = close(fd.Fd);
        }

        _ = close(a);
    };

    public static Action<long> EpollWait(int idle) => n =>
    {
        ConnectedPair(out var a, out var b);
        var one = (byte)'x';
        _ = send(a, &one, 1, MSG_NOSIGNAL);
        var epoll = Check(epoll_create1(EPOLL_CLOEXEC));
        var interest = new EpollEvent { Events = EPOLLIN, Data = (ulong)b };
        Check(epoll_ctl(epoll, EPOLL_CTL_ADD, b, &interest));
        var fds = new int[idle];
        for (var k = 0; k < idle; k++)
        {
            fds[k] = Check(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
            interest.Data = (ulong)fds[k];
            Check(epoll_ctl(epoll, EPOLL_CTL_ADD, fds[k], &interest));
        }

        var ready = stackalloc EpollEvent[64];
        Measurement.LoopStarts();
        for (long i = 0; i < n; i++)
        {
            Check(epoll_wait(epoll, ready, 64, 0) == 1 ? 0 : -1);
        }

        Measurement.LoopEnds();
        foreach (var fd in fds)
        {
            _ = close(fd);
        }

        _ = close(epoll);
        _ = close(a);
        _ = close(b);
    };

    public static void PingPong(long n)
    {
        ConnectedPair(out var a, out var b);
        var message = stackalloc byte[64];
        var buffer = stackalloc byte[64];
        for (long i = 0; i < n; i++)
        {
            Check(send(a, message, 64, MSG_NOSIGNAL) == 64 ? 0 : -1);
            Check(recv(b, buffer, 64, MSG_WAITALL) == 64 ? 0 : -1);
            Check(send(b, buffer, 64, MSG_NOSIGNAL) == 64 ? 0 : -1);
            Check(recv(a, message, 64, MSG_WAITALL) == 64 ? 0 : -1);
        }

        _ = close(a);
        _ = close(b);
    }

    private static int Listener(out SockaddrIn address)
    {
        var fd = Check(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        address = new SockaddrIn { Family = AF_INET, Address = BinaryPrimitives.ReverseEndianness(0x7F000001u) };
        uint length = (uint)sizeof(SockaddrIn);
        fixed (SockaddrIn* p = &address)
        {
            Check(bind(fd, p, length));
            Check(listen(fd, SOMAXCONN));
            Check(getsockname(fd, p, &length));
        }

        return fd;
    }

    private static void ConnectedPair(out int a, out int b)
    {
        var listener = Listener(out var address);
        a = Check(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        Check(connect(a, &address, (uint)sizeof(SockaddrIn)));
        b = Check(accept4(listener, null, null, SOCK_CLOEXEC));
        var one = 1;
        _ = setsockopt(a, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(int));
        _ = setsockopt(b, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(int));
        _ = close(listener);
    }

    private static int Check(int result) =>
        result >= 0 ? result : throw new InvalidOperationException("A raw libc call failed in the baseline.");
}
