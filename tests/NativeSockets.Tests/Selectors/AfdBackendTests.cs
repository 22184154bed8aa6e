using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NativeSockets.Interop;
using NativeSockets.Selectors;
using NativeSockets.Selectors.Backends;
using NativeSockets.Tests.Support;
using NativeSockets.Tests.Windows;
using Xunit;

namespace NativeSockets.Tests.Selectors;

/// <summary>
/// The AFD backend through the backend contract, on loopback sockets: level-triggered readiness, the
/// mapping of AFD's bits to Read, Write and Error, registrations changed while another thread waits,
/// and nothing left open or allocated after Dispose.
/// </summary>
public sealed class AfdBackendTests
{
    private const string Reason = "AFD polls through an I/O completion port are Windows' readiness interface";
    private const int Patience = 10_000;

    [WindowsFact(Reason)]
    public void A_socket_is_readable_once_the_peer_sends()
    {
        using var backend = Create();
        using var pair = Connected.Tcp();
        backend.Add(pair.Native.Handle, 7, Event.Read);

        Assert.Empty(Wait(backend, 0));

        pair.Peer.Send(new byte[] { 1, 2, 3 });
        var ready = Assert.Single(Wait(backend, Patience));

        Assert.Equal(7UL, ready.Token);
        Assert.Equal(Event.Read, ready.Events);
        Assert.Equal(0, ready.ErrorCode);
    }

    [WindowsFact(Reason)]
    public void A_connecting_socket_is_writable_once_connected()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = OwnedSocket.Create();
        Descriptors.SetNonBlocking(client.Handle);
        Assert.Equal(-1, Connected.ConnectTo(client.Handle, listener.LocalEndpoint));
        Assert.Equal(NativeSocket.EINPROGRESS, NativeSocket.LastError);
        using var backend = Create();

        backend.Add(client.Handle, 1, Event.Write);
        var ready = Assert.Single(Wait(backend, Patience));

        Assert.Equal(Event.Write, ready.Events);
        using var accepted = listener.AcceptSocket();
    }

    [WindowsFact(Reason)]
    public void Readiness_is_level_triggered_until_the_data_is_read()
    {
        using var backend = Create();
        using var pair = Connected.Tcp();
        backend.Add(pair.Native.Handle, 3, Event.Read);
        pair.PeerSends(9, 8, 7);

        Assert.Equal(Event.Read, Assert.Single(Wait(backend, Patience)).Events);
        Assert.Equal(Event.Read, Assert.Single(Wait(backend, Patience)).Events);
        Assert.Equal(Event.Read, Assert.Single(Wait(backend, Patience)).Events);

        Assert.Equal(3, NativeSocket.Recv(pair.Native.Handle, new byte[16]));
        Assert.Empty(Wait(backend, 300));
    }

    [WindowsFact(Reason)]
    public void Modify_to_write_only_stops_reporting_read()
    {
        using var backend = Create();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        backend.Add(pair.Native.Handle, 5, Event.Read);
        Assert.Equal(Event.Read, Assert.Single(Wait(backend, Patience)).Events);

        backend.Modify(pair.Native.Handle, 5, Event.Write);

        Assert.Equal(Event.Write, Assert.Single(Wait(backend, Patience)).Events);
        Assert.Equal(Event.Write, Assert.Single(Wait(backend, Patience)).Events);
    }

    [WindowsFact(Reason)]
    public void Modify_while_a_poll_is_in_flight_takes_the_new_interest()
    {
        using var backend = Create();
        using var pair = Connected.Tcp();
        backend.Add(pair.Native.Handle, 5, Event.Read);
        Assert.Empty(Wait(backend, 0));

        backend.Modify(pair.Native.Handle, 5, Event.Read | Event.Write);

        Assert.Equal(Event.Write, Assert.Single(Wait(backend, Patience)).Events);
        backend.Modify(pair.Native.Handle, 5, Event.None);
        Assert.Empty(Wait(backend, 300));
    }

    [WindowsFact(Reason)]
    public void A_removed_socket_is_not_reported()
    {
        using var backend = Create();
        using var pair = Connected.Tcp();
        using var other = Connected.Tcp();
        backend.Add(pair.Native.Handle, 1, Event.Read);
        backend.Add(other.Native.Handle, 2, Event.Read);

        backend.Remove(pair.Native.Handle, 1);
        pair.PeerSends(1);
        other.PeerSends(2);

        var ready = Assert.Single(Wait(backend, Patience));
        Assert.Equal(2UL, ready.Token);
        Assert.All(Wait(backend, 300), e => Assert.Equal(2UL, e.Token));
    }

    [WindowsFact(Reason)]
    public void The_peer_closing_reports_read_and_recv_returns_zero()
    {
        using var backend = Create();
        using var pair = Connected.Tcp();
        backend.Add(pair.Native.Handle, 4, Event.Read);

        pair.Peer.Shutdown(SocketShutdown.Send);

        Assert.Equal(Event.Read, Assert.Single(Wait(backend, Patience)).Events);
        Assert.Equal(0, NativeSocket.Recv(pair.Native.Handle, new byte[16]));
    }

    [WindowsFact(Reason)]
    public void A_refused_connect_reports_error_with_the_winsock_code()
    {
        var port = ClosedLoopbackPort();
        using var client = OwnedSocket.Create();
        Descriptors.SetNonBlocking(client.Handle);
        Assert.Equal(-1, Connected.ConnectTo(client.Handle, new IPEndPoint(IPAddress.Loopback, port)));
        Assert.Equal(NativeSocket.EINPROGRESS, NativeSocket.LastError);
        using var backend = Create();

        backend.Add(client.Handle, 9, Event.Write);
        var ready = Assert.Single(Wait(backend, Patience));

        Assert.Equal(9UL, ready.Token);
        Assert.True((ready.Events & Event.Error) != 0, $"events: {ready.Events}");
        Assert.Equal(NativeSocket.ECONNREFUSED, ready.ErrorCode);
    }

    [WindowsFact(Reason)]
    public void Wake_from_another_thread_ends_a_wait_without_limit()
    {
        using var backend = Create();
        using var pair = Connected.Tcp();
        backend.Add(pair.Native.Handle, 1, Event.Read);
        var waiting = Task.Run(() => Wait(backend, -1));
        Thread.Sleep(100);
        Assert.False(waiting.IsCompleted);

        backend.Wake();

        Assert.True(waiting.Wait(Patience), "Wake did not end the wait");
        Assert.Empty(waiting.Result);
    }

    [WindowsFact(Reason)]
    public void Wakes_before_a_wait_end_that_one_wait_only()
    {
        using var backend = Create();
        backend.Wake();
        backend.Wake();

        Assert.Empty(Wait(backend, Patience));
        var stopwatch = Stopwatch.StartNew();
        Assert.Empty(Wait(backend, 200));
        Assert.True(stopwatch.ElapsedMilliseconds >= 150, $"the second wait returned after {stopwatch.ElapsedMilliseconds} ms");
    }

    [WindowsFact(Reason)]
    public void One_ready_socket_among_a_thousand_is_the_only_one_reported()
    {
        using var backend = Create();
        var sockets = new List<OwnedSocket>();
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
                sockets.Add(socket);
                Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr(127.0.0.1:0)");
                backend.Add(socket.Handle, (ulong)i, Event.Read);
            }

            Assert.Empty(Wait(backend, 0));
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            sender.SendTo(new byte[] { 42 }, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(sockets[537].Handle)));

            var ready = Assert.Single(Wait(backend, Patience));
            Assert.Equal(537UL, ready.Token);
            Assert.Equal(Event.Read, ready.Events);
            Assert.All(Wait(backend, 300), e => Assert.Equal(537UL, e.Token));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [WindowsFact(Reason)]
    public void A_socket_added_from_another_thread_ends_a_blocked_wait()
    {
        using var backend = Create();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        var waiting = Task.Run(() => Wait(backend, Patience));
        Thread.Sleep(100);

        backend.Add(pair.Native.Handle, 11, Event.Read);

        Assert.True(waiting.Wait(Patience * 2), "the wait did not return");
        var ready = Assert.Single(waiting.Result);
        Assert.Equal(11UL, ready.Token);
    }

    [WindowsFact(Reason)]
    public void More_ready_sockets_than_the_span_holds_come_in_later_waits()
    {
        using var backend = Create();
        var sockets = new List<OwnedSocket>();
        try
        {
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            for (var i = 0; i < 5; i++)
            {
                var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
                sockets.Add(socket);
                Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr(127.0.0.1:0)");
                sender.SendTo(new byte[] { 1 }, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(socket.Handle)));
                using var view = socket.View();
                Assert.True(view.Poll(TimeSpan.FromMilliseconds(Patience), SelectMode.SelectRead), "the datagram did not arrive");
                backend.Add(socket.Handle, (ulong)i, Event.Read);
            }

            var seen = new HashSet<ulong>();
            for (var wait = 0; wait < 3; wait++)
            {
                var ready = Wait(backend, Patience, spanLength: 2);
                Assert.InRange(ready.Count, 1, 2);
                seen.UnionWith(ready.Select(e => e.Token));
            }

            Assert.Equal(new ulong[] { 0, 1, 2, 3, 4 }, seen.Order());
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [WindowsFact(Reason)]
    public void A_handle_that_is_not_a_socket_is_refused_with_its_code_and_leaves_nothing_behind()
    {
        using var backend = Create();
        var notASocket = WindowsHandles.NeverOpened();

        var error = Assert.Throws<OSErrorException>(() => backend.Add(notASocket, 1, Event.Read));

        // Windows documents WSAENOTSOCK for WSAIoctl on what is not a socket; Wine 8 answers ERROR_INVALID_HANDLE.
        Assert.Equal(RunningPlatform.IsWine ? Native.ERROR_INVALID_HANDLE : NativeSocket.ENOTSOCK, error.ErrorCode);
        using var pair = Connected.Tcp();
        backend.Add(pair.Native.Handle, 1, Event.Read);
        pair.PeerSends(1);
        Assert.Equal(1UL, Assert.Single(Wait(backend, Patience)).Token);
    }

    [WindowsFact(Reason)]
    public void A_socket_closed_without_remove_is_dropped_silently()
    {
        using var backend = Create();
        using var pair = Connected.Tcp();
        using var other = Connected.Tcp();
        var closing = OwnedSocket.Create();
        backend.Add(closing.Handle, 1, Event.Read);
        backend.Add(other.Native.Handle, 2, Event.Read);

        closing.Dispose();
        other.PeerSends(5);

        Assert.All(Wait(backend, Patience), e => Assert.Equal(2UL, e.Token));

        // Removing the dropped registration is quiet too: the selector asks the socket itself, as it says.
        Assert.False(backend.RemoveReportsClosedSockets);
        backend.Remove(closing.Handle, 1);
        backend.Remove(other.Native.Handle, 2);
    }

    [WindowsFact(Reason)]
    public void Dispose_closes_the_port_and_returns_with_polls_in_flight()
    {
        var backend = Create();
        using var pair = Connected.Tcp();
        backend.Add(pair.Native.Handle, 1, Event.Read);
        Assert.Empty(Wait(backend, 0));
        var port = new SocketHandle(backend.Handle);
        Assert.True(WindowsHandles.IsOpen(port));
        var stopwatch = Stopwatch.StartNew();

        backend.Dispose();

        Assert.True(stopwatch.ElapsedMilliseconds < 4000, $"Dispose took {stopwatch.ElapsedMilliseconds} ms");
        Assert.False(WindowsHandles.IsOpen(port));
        backend.Dispose();
        Assert.Throws<ObjectDisposedException>(() => backend.Add(pair.Native.Handle, 2, Event.Read));
    }

    internal static AfdBackend Create()
    {
        Assert.True(AfdBackend.TryCreate(out var backend, out var error), $"\\Device\\Afd could not be opened: error {error}");
        Assert.Equal(0, error);
        return backend!;
    }

    internal static List<BackendEvent> Wait(ISelectorBackend backend, int timeout, int spanLength = 16)
    {
        var events = new BackendEvent[spanLength];
        var count = backend.Wait(events, timeout);
        return events.Take(count).ToList();
    }

    /// <summary>A loopback port nothing listens on: bound by a socket that is then closed.</summary>
    private static Port ClosedLoopbackPort()
    {
        using var socket = OwnedSocket.Create();
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr(127.0.0.1:0)");
        return NativeSocket.GetSockName(socket.Handle);
    }
}
