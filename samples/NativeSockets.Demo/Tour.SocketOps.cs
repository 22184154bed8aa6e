using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NativeSockets.Demo;

internal sealed unsafe partial class Tour
{
    private void SocketDomains()
    {
        foreach (var domain in new[] { Domain.AF_INET, Domain.AF_INET6, Domain.AF_UNIX })
        {
            var socket = Own(NativeSocket.CreateNativeSocket(domain, SockType.SOCK_STREAM, domain == Domain.AF_UNIX ? Protocol.IPPROTO_NONE : Protocol.IPPROTO_TCP));
            CheckEqual($"GetSockDomain(handle {socket})", NativeSocket.GetSockDomain(socket), domain, $"System.Net sees {Oracles.Describe(socket)}");
            CloseOwned(socket);
        }

        var closed = NativeSocket.CreateNativeSocket();
        NativeSocket.Close(closed);
        try
        {
            Check($"GetSockDomain(closed handle {closed})", NativeSocket.GetSockDomain(closed), false, "OSErrorException (EBADF)");
        }
        catch (OSErrorException e)
        {
            CheckEqual($"GetSockDomain(closed handle {closed}) throws OSErrorException", Errno(e.ErrorCode), Errno(NativeSocket.EBADF));
        }
    }

    private void OptionsAndBlocking()
    {
        var (client, server) = ConnectedPair();
        using (var view = Oracles.View(client))
        {
            CheckEqual($"GetSockOptInt(handle {client}, SOL_SOCKET, SO_KEEPALIVE)", NativeSocket.GetSockOptInt(client, NativeSocket.SOL_SOCKET, NativeSocket.SO_KEEPALIVE), 0);
            NativeSocket.SetSockOptInt(client, NativeSocket.SOL_SOCKET, NativeSocket.SO_KEEPALIVE, 5);
            CheckEqual($"SetSockOptInt(handle {client}, SOL_SOCKET, SO_KEEPALIVE, 5); GetSockOptInt", NativeSocket.GetSockOptInt(client, NativeSocket.SOL_SOCKET, NativeSocket.SO_KEEPALIVE), 1);
            CheckEqual("  System.Net's GetSocketOption(KeepAlive)", (int)view.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!, 1);
        }

        try
        {
            Check("GetSockOptInt(handle, SOL_SOCKET, 12345)", NativeSocket.GetSockOptInt(client, NativeSocket.SOL_SOCKET, 12345), false, "OSErrorException (ENOPROTOOPT)");
        }
        catch (OSErrorException e)
        {
            Check("GetSockOptInt(handle, SOL_SOCKET, 12345) throws OSErrorException", Quote(e.Message), e.ErrorCode != 0, "a native error code");
        }

        NativeSocket.SetBlocking(client, false);
        NativeSocket.SetBlocking(client, false);
        var buffer = new byte[4];
        var received = NativeSocket.Recv(client, buffer);
        var errno = NativeSocket.LastError;
        CheckEqual($"SetBlocking(handle {client}, false) twice; Recv with nothing sent", received, (nint)(-1));
        CheckEqual("  NativeSocket.LastError", Errno(errno), Errno(NativeSocket.EAGAIN));

        NativeSocket.SetBlocking(client, true);
        server.Send("pong"u8);
        received = NativeSocket.Recv(client, buffer);
        CheckEqual($"SetBlocking(handle {client}, true); Recv after System.Net sent \"pong\"", Quote(Encoding.ASCII.GetString(buffer, 0, (int)Math.Max(0, received))), Quote("pong"));
        server.Dispose();
        CloseOwned(client);
    }

    private void RawTransfers()
    {
        var (client, server) = ConnectedPair();
        var payload = "raw"u8.ToArray();
        fixed (byte* bytes = payload)
        {
            CheckEqual($"Send(handle {client}, pointer, 3, 0)", NativeSocket.Send(client, bytes, payload.Length, 0), (nint)3);
        }

        var incoming = new byte[3];
        server.ReceiveTimeout = 10_000;
        CheckEqual("  System.Net received", Quote(Encoding.ASCII.GetString(incoming, 0, server.Receive(incoming))), Quote("raw"));

        CheckEqual($"Send(handle {client}, \"span\"u8)", NativeSocket.Send(client, "span"u8), (nint)4);
        var spanIncoming = new byte[4];
        CheckEqual("  System.Net received", Quote(Encoding.ASCII.GetString(spanIncoming, 0, server.Receive(spanIncoming))), Quote("span"));
        server.Shutdown(SocketShutdown.Send);
        CheckEqual($"Recv(handle {client}, span) after System.Net shut down its side", NativeSocket.Recv(client, new byte[8]), (nint)0);
        server.Dispose();
        CloseOwned(client);

        var udp = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP));
        var local = SockAddrIn.Create(0x7F000001, default);
        _ = NativeSocket.BindAddr(udp, (SockAddr*)&local, sizeof(SockAddrIn));
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var to = Oracles.ToStorage(peer.LocalEndPoint!, out var toLength);
        fixed (byte* bytes = payload)
        {
            CheckEqual($"SendTo(handle {udp}, pointer, 3, 0, {peer.LocalEndPoint})", NativeSocket.SendTo(udp, bytes, payload.Length, 0, (SockAddr*)&to, toLength), (nint)3);
        }

        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        peer.ReceiveTimeout = 10_000;
        _ = peer.ReceiveFrom(new byte[8], ref from);
        CheckEqual("  System.Net received it from", from, (EndPoint)new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(udp)), "GetSockName");

        peer.SendTo("back"u8, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(udp)));
        SockAddrStorage sender;
        SockLen senderLength = (uint)sizeof(SockAddrStorage);
        var back = new byte[8];
        nint got;
        fixed (byte* bytes = back)
        {
            got = NativeSocket.RecvFrom(udp, bytes, back.Length, 0, (SockAddr*)&sender, &senderLength);
        }

        CheckEqual($"RecvFrom(handle {udp}, ...)", Quote(Encoding.ASCII.GetString(back, 0, (int)Math.Max(0, got))), Quote("back"));
        CheckEqual("  the sender's port", (int)NativeSocket.Ntohs(((SockAddrIn*)&sender)->sin_port), ((IPEndPoint)peer.LocalEndPoint!).Port, "System.Net's LocalEndPoint");
        CloseOwned(udp);

        var listener = Own(NativeSocket.CreateNativeSocket());
        _ = NativeSocket.BindAddr(listener, (SockAddr*)&local, sizeof(SockAddrIn));
        _ = NativeSocket.Listen(listener);
        using var tcp = new TcpClient(AddressFamily.InterNetwork);
        tcp.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener));
        _ = NativeSocket.SelectRead([listener], 10_000);
        SockAddrStorage peerAddress;
        SockLen peerLength = (uint)sizeof(SockAddrStorage);
        var accepted = Own(NativeSocket.Accept(listener, (SockAddr*)&peerAddress, &peerLength));
        CheckEqual($"Accept(handle {listener}, address, length) (the raw one): the peer's port", (int)NativeSocket.Ntohs(((SockAddrIn*)&peerAddress)->sin_port), ((IPEndPoint)tcp.Client.LocalEndPoint!).Port, "the TcpClient's LocalEndPoint");
        CheckEqual("  a child process started now sees it (C's accept sets no close-on-exec)", Oracles.ChildProcessSees(accepted), true);
        CloseOwned(accepted);
        CloseOwned(listener);
    }

    private void LocalAndPeerAddresses()
    {
        var (client, server) = ConnectedPair();
        CheckEqual($"GetLocalAddr(handle {client}, AF_INET)", NativeSocket.GetLocalAddr(client, Domain.AF_INET).ToString(), ToPair(server.RemoteEndPoint), "System.Net's RemoteEndPoint on the other end");
        CheckEqual($"GetPeerAddr(handle {client}, AF_INET)", NativeSocket.GetPeerAddr(client, Domain.AF_INET).ToString(), ToPair(server.LocalEndPoint), "System.Net's LocalEndPoint on the other end");
        try
        {
            Check($"GetLocalAddr(handle {client}, AF_INET6)", NativeSocket.GetLocalAddr(client, Domain.AF_INET6), false, "ArgumentException: the socket is AF_INET");
        }
        catch (ArgumentException e)
        {
            CheckEqual($"GetLocalAddr(handle {client}, AF_INET6) throws ArgumentException", e.ParamName, "domain");
        }

        server.Dispose();
        CloseOwned(client);

        var mapped = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP));
        var storage = Oracles.ToStorage(new IPEndPoint(IPAddress.Loopback.MapToIPv6(), 0), out var length);
        _ = NativeSocket.BindAddr(mapped, (SockAddr*)&storage, length);
        CheckEqual($"GetLocalAddr(handle {mapped}) bound to ::ffff:127.0.0.1", NativeSocket.GetLocalAddr(mapped).Address, "::ffff:127.0.0.1", "not shortened, as in Nim");
        CloseOwned(mapped);

        var directory = Directory.CreateTempSubdirectory("nativesockets-demo-");
        try
        {
            var path = Path.Combine(directory.FullName, "local.sock");
            var unix = Own(NativeSocket.CreateNativeSocket(Domain.AF_UNIX, SockType.SOCK_DGRAM, Protocol.IPPROTO_NONE));
            var unixAddress = Oracles.ToStorage(new UnixDomainSocketEndPoint(path), out var unixLength);
            _ = NativeSocket.BindAddr(unix, (SockAddr*)&unixAddress, unixLength);
            CheckEqual($"GetLocalAddr(handle {unix}, AF_UNIX)", NativeSocket.GetLocalAddr(unix, Domain.AF_UNIX).ToString(), $"({path}, 0)");
            CloseOwned(unix);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private void Selecting()
    {
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var sockets = Enumerable.Range(0, 4).Select(_ => BoundUdp()).ToList();
        foreach (var ready in new[] { sockets[1], sockets[3] })
        {
            sender.SendTo("x"u8, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(ready)));
        }

        var handles = new List<SocketHandle>(sockets);
        _ = NativeSocket.SelectRead([sockets[3]], 10_000);
        var listed = string.Join(", ", handles);
        var count = NativeSocket.SelectRead(handles, 1_000);
        CheckEqual($"SelectRead([{listed}], 1000) with the 2nd and 4th sent a datagram", count, 2);
        CheckEqual("  the list afterwards (Nim's swap-remove order)", string.Join(", ", handles), $"{sockets[3]}, {sockets[1]}");

        handles = [sockets[0]];
        CheckEqual($"SelectRead([{sockets[0]}], 0) with nothing sent", NativeSocket.SelectRead(handles, 0), 0);
        CheckEqual("  the list afterwards", handles.Count, 0);

        handles = [sockets[0], sockets[2]];
        CheckEqual($"SelectWrite([{sockets[0]}, {sockets[2]}])", NativeSocket.SelectWrite(handles), 2);

        var closed = NativeSocket.CreateNativeSocket();
        NativeSocket.Close(closed);
        handles = [sockets[1], closed];
        count = NativeSocket.SelectRead(handles);
        var errno = NativeSocket.LastError;
        CheckEqual($"SelectRead([{sockets[1]}, closed handle {closed}])", count, -1);
        CheckEqual("  NativeSocket.LastError, and the list is untouched", $"{Errno(errno)}; {handles.Count} handles", $"{Errno(NativeSocket.EBADF)}; 2 handles");

        try
        {
            Check("SelectRead(list, -5)", NativeSocket.SelectRead(handles, -5), false, "ArgumentOutOfRangeException");
        }
        catch (ArgumentOutOfRangeException e)
        {
            CheckEqual("SelectRead(list, -5) throws ArgumentOutOfRangeException", e.ParamName, "timeout");
        }

        sockets.ForEach(CloseOwned);
    }

    private void SystemNetHandOff()
    {
        var native = NativeSocket.CreateNativeSocket();
        using (var socket = new Socket(NativeSocket.ToSafeSocketHandle(native, ownsHandle: true)))
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            CheckEqual($"new Socket(ToSafeSocketHandle(handle {native}, ownsHandle: true)).Bind(127.0.0.1:0); GetSockName", (int)NativeSocket.GetSockName(native).Value, ((IPEndPoint)socket.LocalEndPoint!).Port, "System.Net's LocalEndPoint");
        }

        var error = ErrorCodeOf(() => NativeSocket.GetSockDomain(native));
        CheckEqual($"  after the Socket is disposed, GetSockDomain(handle {native})", Errno(error), Errno(NativeSocket.EBADF), "the Socket closed it");

        var owner = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        owner.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)owner.LocalEndPoint!).Port;
        var borrowed = NativeSocket.FromSafeSocketHandle(owner.SafeHandle, duplicate: false);
        CheckEqual($"FromSafeSocketHandle(socket.SafeHandle, duplicate: false)", borrowed.Value, owner.Handle, "Socket.Handle");
        var taken = Own(NativeSocket.FromSafeSocketHandle(owner.SafeHandle, duplicate: true));
        owner.Dispose();
        CheckEqual($"FromSafeSocketHandle(socket.SafeHandle, duplicate: true); socket.Dispose(); GetLocalAddr(handle {taken})", NativeSocket.GetLocalAddr(taken).ToString(), $"(127.0.0.1, {port})", "still open: the duplicate is ours");
        CloseOwned(taken);
    }

    private void ReExportedConstants()
    {
        Info("SOL_SOCKET, SOMAXCONN, SO_REUSEADDR, SO_ERROR", $"{NativeSocket.SOL_SOCKET}, {NativeSocket.SOMAXCONN}, {NativeSocket.SO_REUSEADDR}, {NativeSocket.SO_ERROR}");
        Info("MSG_PEEK, MSG_NOSIGNAL, F_GETFL, F_SETFL, O_NONBLOCK", $"{NativeSocket.MSG_PEEK}, {NativeSocket.MSG_NOSIGNAL}, {NativeSocket.F_GETFL}, {NativeSocket.F_SETFL}, {NativeSocket.O_NONBLOCK}");
        var systemNet = Oracles.ErrnoOf(() =>
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Shutdown(SocketShutdown.Both);
        });
        CheckEqual("ENOTCONN", NativeSocket.ENOTCONN, systemNet, "System.Net's SocketException.NativeErrorCode shutting down an unconnected socket");
        CheckEqual("INADDR_ANY (host order)", NativeSocket.INADDR_ANY, BitConverter.ToUInt32(IPAddress.Any.GetAddressBytes()));
    }

    /// <summary>A native TCP client connected to a System.Net server socket on 127.0.0.1.</summary>
    private (SocketHandle Client, Socket Server) ConnectedPair()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = Own(NativeSocket.CreateNativeSocket());
        var address = Oracles.ToStorage(listener.LocalEndpoint, out var length);
        CheckEqual($"Connect(handle {client}, {listener.LocalEndpoint}, {length})", NativeSocket.Connect(client, (SockAddr*)&address, length), 0);
        return (client, listener.AcceptSocket());
    }

    private SocketHandle BoundUdp()
    {
        var socket = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP));
        var address = SockAddrIn.Create(0x7F000001, default);
        _ = NativeSocket.BindAddr(socket, (SockAddr*)&address, sizeof(SockAddrIn));
        return socket;
    }

    private static string ToPair(EndPoint? endPoint) =>
        endPoint is IPEndPoint ip ? $"({ip.Address}, {ip.Port})" : "(?)";
}
