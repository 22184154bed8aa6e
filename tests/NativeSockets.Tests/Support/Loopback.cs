using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>Binding, listening and accepting on loopback (127.0.0.1, ::1, or an AF_UNIX path) only.</summary>
internal static unsafe class Loopback
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The native form of a System.Net endpoint: on POSIX, System.Net serializes an endpoint to the
    /// platform's own <c>sockaddr</c> bytes, so this is an address built by someone other than the library.
    /// </summary>
    public static SockAddrStorage ToStorage(EndPoint endPoint, out SockLen length)
    {
        var serialized = endPoint.Serialize();
        SockAddrStorage storage = default;
        serialized.Buffer.Span[..serialized.Size].CopyTo(new Span<byte>(&storage, sizeof(SockAddrStorage)));
        length = serialized.Size;
        return storage;
    }

    /// <summary>BindAddr with an address System.Net serialized.</summary>
    public static int Bind(SocketHandle socket, EndPoint endPoint)
    {
        var storage = ToStorage(endPoint, out var length);
        return NativeSocket.BindAddr(socket, (SockAddr*)&storage, length);
    }

    /// <summary>BindAddr to 127.0.0.1 with an address the library built.</summary>
    public static int BindV4(SocketHandle socket, Port port = default)
    {
        var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, port);
        return NativeSocket.BindAddr(socket, (SockAddr*)&address, sizeof(SockAddrIn));
    }

    /// <summary>Fails the test with the errno unless a 0/-1 call returned 0.</summary>
    public static void AssertSucceeded(int result, string call)
    {
        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Assert.Fail($"{call} returned {result}: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
        }
    }

    /// <summary>A TCP listener on 127.0.0.1 and a port the system chose.</summary>
    public static OwnedSocket ListenV4(bool inheritable = false) =>
        Listen(OwnedSocket.Create(inheritable: inheritable), socket => BindV4(socket), "BindAddr(127.0.0.1:0)");

    /// <summary>A TCP listener on ::1 and a port the system chose.</summary>
    public static OwnedSocket ListenV6() =>
        Listen(OwnedSocket.Create(Domain.AF_INET6), socket => Bind(socket, new IPEndPoint(IPAddress.IPv6Loopback, 0)), "BindAddr([::1]:0)");

    /// <summary>An AF_UNIX stream listener at <paramref name="path"/>.</summary>
    public static OwnedSocket ListenUnix(string path) =>
        Listen(OwnedSocket.Create(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE), socket => Bind(socket, new UnixDomainSocketEndPoint(path)), $"BindAddr({path})");

    /// <summary>Waits (boundedly) until the listener has a connection to take, so Accept cannot hang.</summary>
    public static void WaitForPendingConnection(SocketHandle listener)
    {
        using var view = OwnedSocket.ViewOf(listener);
        Assert.True(view.Poll(Patience, SelectMode.SelectRead), "no connection became pending on the listener");
    }

    /// <summary>Accept once a connection is pending; the client handle is owned by the caller even when invalid.</summary>
    public static (OwnedSocket Client, string Address) AcceptPending(SocketHandle listener, bool inheritable = false)
    {
        WaitForPendingConnection(listener);
        var (client, address) = NativeSocket.Accept(listener, inheritable);
        var errno = Marshal.GetLastPInvokeError();
        var owned = new OwnedSocket(client);
        if (client.IsInvalid)
        {
            Assert.Fail($"Accept failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
        }

        return (owned, address);
    }

    private static OwnedSocket Listen(OwnedSocket socket, Func<SocketHandle, int> bind, string bindCall)
    {
        try
        {
            AssertSucceeded(bind(socket.Handle), bindCall);
            AssertSucceeded(NativeSocket.Listen(socket.Handle), "Listen");
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
