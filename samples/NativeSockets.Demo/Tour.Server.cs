using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace NativeSockets.Demo;

// What a keep-alive server does beyond Nim's calls: accept non-blocking in one call, close its side
// gracefully with a half-close, and set TCP_NODELAY, linger and timeouts.
internal sealed unsafe partial class Tour
{
    private void ServerAcceptAndHalfClose()
    {
        var listener = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, inheritable: false, blocking: false));
        var address = SockAddrIn.Create(0x7F000001, default);
        CheckEqual($"CreateNativeSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, inheritable: false, blocking: false); BindAddr(handle {listener}, 127.0.0.1:0)", NativeSocket.BindAddr(listener, (SockAddr*)&address, sizeof(SockAddrIn)), 0);
        CheckEqual($"Listen(handle {listener})", NativeSocket.Listen(listener), 0);

        var (nothing, _) = NativeSocket.Accept(listener, inheritable: false, blocking: false);
        var errno = NativeSocket.LastError;
        CheckEqual($"Accept(handle {listener}, inheritable: false, blocking: false) with nothing waiting", nothing, NativeSocket.OsInvalidSocket);
        CheckEqual("  NativeSocket.LastError (the listener is non-blocking too)", Errno(errno), Errno(NativeSocket.EAGAIN));

        using var browser = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
        browser.Connect(new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(listener)));
        CheckEqual("System.Net connects; SelectRead([listener], 10000)", NativeSocket.SelectRead([listener], 10_000), 1);
        var (connection, peer) = NativeSocket.Accept(listener, inheritable: false, blocking: false);
        Own(connection);
        CheckEqual($"Accept(handle {listener}, inheritable: false, blocking: false).Address", Quote(peer), Quote(((IPEndPoint)browser.LocalEndPoint!).Address.ToString()), "System.Net's local address");
        Info("  system calls", "Linux and FreeBSD: one accept4(SOCK_NONBLOCK | SOCK_CLOEXEC); macOS: accept, fcntl; Windows: accept, ioctlsocket");

        var buffer = new byte[16];
        var received = NativeSocket.Recv(connection, buffer);
        errno = NativeSocket.LastError;
        var systemNet = Oracles.ErrnoOf(() =>
        {
            using var quiet = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
            quiet.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            quiet.Receive(new byte[1]);
        });
        CheckEqual($"Recv(handle {connection}) before the request", $"{received}, {Errno(errno)}", $"-1, {Errno(systemNet)}", "System.Net's non-blocking receive gets");

        browser.Send("GET"u8);
        _ = NativeSocket.SelectRead([connection], 10_000);
        received = NativeSocket.Recv(connection, buffer);
        CheckEqual("System.Net sends \"GET\"; SelectRead; Recv", Quote(Encoding.ASCII.GetString(buffer, 0, (int)Math.Max(0, received))), Quote("GET"));
        CheckEqual($"Send(handle {connection}, \"200 OK\")", NativeSocket.Send(connection, "200 OK"u8), (nint)6);

        CheckEqual($"Shutdown(handle {connection}, ShutdownHow.Write)", NativeSocket.Shutdown(connection, ShutdownHow.Write), 0);
        var reply = new byte[16];
        var read = browser.Receive(reply);
        CheckEqual("  System.Net receives", Quote(Encoding.ASCII.GetString(reply, 0, read)), Quote("200 OK"));
        CheckEqual("  and then the end of the stream", browser.Receive(reply), 0, "System.Net's Receive");

        browser.Send("bye"u8);
        _ = NativeSocket.SelectRead([connection], 10_000);
        received = NativeSocket.Recv(connection, buffer);
        CheckEqual("  the half-closed socket still receives System.Net's \"bye\"", Quote(Encoding.ASCII.GetString(buffer, 0, (int)Math.Max(0, received))), Quote("bye"));
        browser.Shutdown(SocketShutdown.Send);
        _ = NativeSocket.SelectRead([connection], 10_000);
        CheckEqual("  and then the end of the stream", NativeSocket.Recv(connection, buffer), (nint)0);

        CloseOwned(connection);
        CloseOwned(listener);
    }

    private void ServerSocketOptions()
    {
        var (client, server) = ConnectedPair();
        using (server)
        using (var view = Oracles.View(client))
        {
            NativeSocket.SetSockOptInt(client, NativeSocket.IPPROTO_TCP, NativeSocket.TCP_NODELAY, 1);
            CheckEqual($"SetSockOptInt(handle {client}, IPPROTO_TCP, TCP_NODELAY, 1); System.Net's NoDelay", view.NoDelay, true);
            Info("  IPPROTO_TCP, TCP_NODELAY on this platform", $"{NativeSocket.IPPROTO_TCP}, {NativeSocket.TCP_NODELAY}");

            NativeSocket.SetSockOptInt(client, NativeSocket.IPPROTO_TCP, NativeSocket.TCP_KEEPIDLE, 30);
            CheckEqual("SetSockOptInt(handle, IPPROTO_TCP, TCP_KEEPIDLE, 30); System.Net's TcpKeepAliveTime", (int)view.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!, 30);

            NativeSocket.SetLinger(client, new Linger(true, 5));
            CheckEqual("SetLinger(handle, new Linger(true, 5)); System.Net's LingerState", $"{view.LingerState!.Enabled}, {view.LingerState.LingerTime}", "True, 5");
            view.LingerState = new LingerOption(false, 0);
            // Linux keeps the seconds of a linger turned off; only Enabled says what close does.
            CheckEqual("System.Net turns linger off; GetLinger(handle).Enabled", NativeSocket.GetLinger(client).Enabled, false);

            NativeSocket.SetReceiveTimeout(client, TimeSpan.FromMilliseconds(200));
            CheckEqual("SetReceiveTimeout(handle, 200 ms); GetReceiveTimeout", NativeSocket.GetReceiveTimeout(client), TimeSpan.FromMilliseconds(200));
            var buffer = new byte[1];
            var started = Environment.TickCount64;
            var received = NativeSocket.Recv(client, buffer);
            var errno = NativeSocket.LastError;
            var waited = Environment.TickCount64 - started;
            CheckEqual("  a blocking Recv with nothing sent gives up", $"{received}, {Errno(errno)}", $"-1, {Errno(OperatingSystem.IsWindows() ? NativeSocket.ETIMEDOUT : NativeSocket.EAGAIN)}");
            Check("  after about 200 ms", $"{waited} ms", waited is >= 150 and < 5_000, "150 ms to 5 s");

            NativeSocket.SetSendTimeout(client, Timeout.InfiniteTimeSpan);
            CheckEqual("SetSendTimeout(handle, Timeout.InfiniteTimeSpan); GetSendTimeout", NativeSocket.GetSendTimeout(client), Timeout.InfiniteTimeSpan);
            try
            {
                NativeSocket.SetSendTimeout(client, TimeSpan.FromSeconds(-5));
                Fail("SetSendTimeout(handle, -5 s) did not throw");
            }
            catch (ArgumentOutOfRangeException e)
            {
                CheckEqual("SetSendTimeout(handle, -5 s) throws ArgumentOutOfRangeException for", e.ParamName, "timeout");
            }
        }

        CloseOwned(client);
    }
}
