using System;
using System.Net;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// A waker that works wherever sockets do (POSIX and Winsock alike, where <c>WSAPoll</c> takes only
/// sockets): a non-blocking UDP socket on 127.0.0.1 connected to itself. Waking sends it a byte, which makes
/// it readable; draining reads what arrived.
/// </summary>
internal sealed class LoopbackWaker : IDisposable
{
    /// <exception cref="OSErrorException">The socket could not be created, bound or connected.</exception>
    public unsafe LoopbackWaker()
    {
        Socket = NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        if (Socket.IsInvalid)
        {
            throw OSErrorException.FromLastError("socket");
        }

        try
        {
            var any = NativeSocket.ToSockAddr(new IPEndPoint(IPAddress.Loopback, 0), out var length);
            if (NativeSocket.BindAddr(Socket, (SockAddr*)&any, length) != 0)
            {
                throw OSErrorException.FromLastError("bind");
            }

            var self = NativeSocket.ToSockAddr(new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(Socket).Value), out length);
            if (NativeSocket.Connect(Socket, (SockAddr*)&self, length) != 0)
            {
                throw OSErrorException.FromLastError("connect");
            }

            NativeSocket.SetBlocking(Socket, false);
        }
        catch
        {
            NativeSocket.Close(Socket);
            throw;
        }
    }

    /// <summary>The socket to wait on for reading.</summary>
    public SocketHandle Socket { get; }

    /// <summary>From any thread: makes <see cref="Socket"/> readable. A full buffer means it is readable already.</summary>
    public void Wake()
    {
        ReadOnlySpan<byte> one = [1];
        NativeSocket.Send(Socket, one);
    }

    /// <summary>Reads every byte that arrived, so the next wait blocks again.</summary>
    public void Drain()
    {
        Span<byte> buffer = stackalloc byte[64];
        while (NativeSocket.Recv(Socket, buffer) > 0)
        {
        }
    }

    public void Dispose() => NativeSocket.Close(Socket);
}
