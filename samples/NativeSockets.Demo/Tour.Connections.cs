using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace NativeSockets.Demo;

internal sealed unsafe partial class Tour
{
    private void BindingIPv4()
    {
        var socket = Own(NativeSocket.CreateNativeSocket());
        Info("CreateNativeSocket()", socket);
        CheckEqual($"GetSockName(handle {socket}) before binding", NativeSocket.GetSockName(socket), (Port)0);

        var address = SockAddrIn.Create(0x7F000001, (Port)0);
        var result = NativeSocket.BindAddr(socket, (SockAddr*)&address, sizeof(SockAddrIn));
        CheckEqual($"BindAddr(handle {socket}, 127.0.0.1:0, {sizeof(SockAddrIn)})", result, 0);

        var port = NativeSocket.GetSockName(socket);
        using (var view = Oracles.View(socket))
        {
            CheckEqual($"GetSockName(handle {socket})", port, (Port)(ushort)((IPEndPoint)view.LocalEndPoint!).Port, "System.Net's LocalEndPoint port");
        }

        result = NativeSocket.BindAddr(socket, (SockAddr*)&address, sizeof(SockAddrIn));
        var errno = Marshal.GetLastPInvokeError();
        CheckEqual($"BindAddr(handle {socket}, 127.0.0.1:0) again", result, -1);
        var systemNet = Oracles.ErrnoOf(() =>
        {
            using var twice = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            twice.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            twice.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        });
        CheckEqual("  Marshal.GetLastPInvokeError()", Errno(errno), Errno(systemNet), "System.Net binding twice gets");

        var second = Own(NativeSocket.CreateNativeSocket());
        var taken = SockAddrIn.Create(0x7F000001, port);
        result = NativeSocket.BindAddr(second, (SockAddr*)&taken, sizeof(SockAddrIn));
        errno = Marshal.GetLastPInvokeError();
        CheckEqual($"BindAddr(handle {second}, 127.0.0.1:{port}) while handle {socket} has it", result, -1);
        systemNet = Oracles.ErrnoOf(() =>
        {
            using var third = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            third.Bind(new IPEndPoint(IPAddress.Loopback, port));
        });
        CheckEqual("  Marshal.GetLastPInvokeError()", Errno(errno), Errno(systemNet), $"System.Net binding 127.0.0.1:{port} gets");

        CloseOwned(second);
        CloseOwned(socket);
    }

    private void AcceptingIPv4()
    {
        var listener = Own(NativeSocket.CreateNativeSocket());
        var address = SockAddrIn.Create(0x7F000001, default);
        CheckEqual($"BindAddr(handle {listener}, 127.0.0.1:0)", NativeSocket.BindAddr(listener, (SockAddr*)&address, sizeof(SockAddrIn)), 0);
        var port = NativeSocket.GetSockName(listener);
        Info($"GetSockName(handle {listener})", port);

        int refused;
        using (var early = new TcpClient(AddressFamily.InterNetwork))
        {
            refused = Oracles.ErrnoOf(() => early.Connect(IPAddress.Loopback, port));
            Info($"TcpClient.Connect(127.0.0.1:{port}) before Listen", Errno(refused));
        }

        CheckEqual($"Listen(handle {listener})", NativeSocket.Listen(listener), 0);

        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, port);
        Info($"TcpClient.Connect(127.0.0.1:{port}), from", client.Client.LocalEndPoint);

        var (accepted, peer) = AcceptPending(listener, inheritable: false);
        if (accepted.IsInvalid)
        {
            return;
        }

        CheckEqual("  the peer address Accept reports", Quote(peer), Quote("127.0.0.1"));
        using (var view = Oracles.View(accepted))
        {
            CheckEqual($"  System.Net's RemoteEndPoint of handle {accepted}", view.RemoteEndPoint, client.Client.LocalEndPoint, "the TcpClient's LocalEndPoint");

            client.GetStream().Write("ping"u8);
            var buffer = new byte[4];
            view.ReceiveTimeout = 10_000;
            var received = 0;
            while (received < buffer.Length && view.Receive(buffer.AsSpan(received)) is var n and > 0)
            {
                received += n;
            }

            CheckEqual($"  TcpClient sent \"ping\"; System.Net read from handle {accepted}", Quote(Encoding.ASCII.GetString(buffer, 0, received)), Quote("ping"));
        }

        CheckEqual($"  a child process started now sees handle {accepted}", Oracles.ChildProcessSees(accepted), false);
        CloseOwned(accepted);
        CloseOwned(listener);

        using var late = new TcpClient(AddressFamily.InterNetwork);
        var afterClose = Oracles.ErrnoOf(() => late.Connect(IPAddress.Loopback, port));
        CheckEqual($"Close(handle {listener}); TcpClient.Connect(127.0.0.1:{port})", Errno(afterClose), Errno(refused), "as before Listen");
    }

    private void AcceptingIPv6()
    {
        var listener = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET6, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP));
        var storage = Oracles.ToStorage(new IPEndPoint(IPAddress.IPv6Loopback, 0), out var length);
        CheckEqual($"BindAddr(handle {listener}, [::1]:0, {length})", NativeSocket.BindAddr(listener, (SockAddr*)&storage, length), 0);
        var port = NativeSocket.GetSockName(listener);
        using (var view = Oracles.View(listener))
        {
            CheckEqual($"GetSockName(handle {listener})", port, (Port)(ushort)((IPEndPoint)view.LocalEndPoint!).Port, "System.Net's LocalEndPoint port");
        }

        CheckEqual($"Listen(handle {listener}, 16)", NativeSocket.Listen(listener, 16), 0);

        using var client = new TcpClient(AddressFamily.InterNetworkV6);
        client.Connect(IPAddress.IPv6Loopback, port);
        Info($"TcpClient.Connect([::1]:{port}), from", client.Client.LocalEndPoint);

        var (accepted, peer) = AcceptPending(listener, inheritable: true);
        if (!accepted.IsInvalid)
        {
            CheckEqual("  the peer address Accept reports", Quote(peer), Quote("::1"));
            using (var view = Oracles.View(accepted))
            {
                CheckEqual($"  System.Net's RemoteEndPoint of handle {accepted}", view.RemoteEndPoint, client.Client.LocalEndPoint, "the TcpClient's LocalEndPoint");
            }

            CheckEqual($"  a child process started now sees handle {accepted}", Oracles.ChildProcessSees(accepted), true);
            CloseOwned(accepted);
        }

        CloseOwned(listener);
    }

    private void AcceptingUnix()
    {
        var directory = Directory.CreateTempSubdirectory("nativesockets-demo-");
        try
        {
            var serverPath = Path.Combine(directory.FullName, "server.sock");
            var listener = Own(NativeSocket.CreateNativeSocket(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE));
            Info("CreateNativeSocket(AF_UNIX, SOCK_STREAM, IPPROTO_NONE)", listener);
            var storage = Oracles.ToStorage(new UnixDomainSocketEndPoint(serverPath), out var length);
            CheckEqual($"BindAddr(handle {listener}, {serverPath}, {length})", NativeSocket.BindAddr(listener, (SockAddr*)&storage, length), 0);
            CheckEqual($"Listen(handle {listener})", NativeSocket.Listen(listener), 0);

            try
            {
                var port = NativeSocket.GetSockName(listener);
                Check($"GetSockName(handle {listener})", port, false, "IOException: AF_UNIX has no ports");
            }
            catch (IOException e)
            {
                CheckEqual($"GetSockName(handle {listener})", e.GetType().Name, nameof(IOException), "AF_UNIX has no ports");
            }

            var clientPath = Path.Combine(directory.FullName, "client.sock");
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            client.Bind(new UnixDomainSocketEndPoint(clientPath));
            client.Connect(new UnixDomainSocketEndPoint(serverPath));
            Info("a System.Net client bound to client.sock connects", client.Connected ? "connected" : "not connected");

            var (accepted, peer) = AcceptPending(listener, inheritable: false);
            if (!accepted.IsInvalid)
            {
                CheckEqual("  the peer address Accept reports", Quote(peer), Quote(clientPath));
                CloseOwned(accepted);
            }

            CloseOwned(listener);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private void NonBlockingAccept()
    {
        var listener = Own(NativeSocket.CreateNativeSocket());
        var address = SockAddrIn.Create(0x7F000001, default);
        CheckEqual($"BindAddr(handle {listener}, 127.0.0.1:0)", NativeSocket.BindAddr(listener, (SockAddr*)&address, sizeof(SockAddrIn)), 0);
        CheckEqual($"Listen(handle {listener})", NativeSocket.Listen(listener), 0);
        using (var view = Oracles.View(listener))
        {
            view.Blocking = false;
        }

        Info($"System.Net view of handle {listener}: Blocking = false", "O_NONBLOCK set");
        var (client, peer) = NativeSocket.Accept(listener);
        var errno = Marshal.GetLastPInvokeError();
        Own(client);
        CheckEqual($"Accept(handle {listener})", $"({Show(client)}, {Quote(peer)})", $"({Show(NativeSocket.OsInvalidSocket)}, {Quote(string.Empty)})");

        var systemNet = Oracles.ErrnoOf(() =>
        {
            using var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            other.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            other.Listen();
            other.Blocking = false;
            other.Accept().Dispose();
        });
        CheckEqual("  Marshal.GetLastPInvokeError()", Errno(errno), Errno(systemNet), "System.Net's non-blocking Accept gets");
        CloseOwned(listener);
    }

    /// <summary>Accept once a connection is pending (so it cannot hang), printed and checked.</summary>
    private (SocketHandle Client, string Address) AcceptPending(SocketHandle listener, bool inheritable)
    {
        if (!Oracles.ConnectionPending(listener))
        {
            Fail($"no connection became pending on handle {listener}");
            return (NativeSocket.OsInvalidSocket, string.Empty);
        }

        var (client, address) = NativeSocket.Accept(listener, inheritable);
        var errno = Marshal.GetLastPInvokeError();
        Own(client);
        Check($"Accept(handle {listener}{(inheritable ? ", inheritable: true" : string.Empty)})", $"({Show(client)}, {Quote(address)})", !client.IsInvalid, $"a client handle, not {Errno(errno)}");
        return (client, address);
    }
}
