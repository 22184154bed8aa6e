using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using NativeSockets.Selectors;
using NativeSockets.Selectors.Backends;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Selectors;

/// <summary>
/// The contract every selector backend keeps (see <see cref="Selector{T}"/>'s remarks), run once per backend
/// the running platform has: level-triggered readiness, one key per registration per wait, one-shot, end of
/// stream, errors with their code, timers, user events, stale registrations dropped.
/// </summary>
public abstract partial class SelectorContractTests
{
    /// <summary>Long enough for loopback traffic on a loaded machine; a passing test never waits it out.</summary>
    protected const int Patience = 10_000;

    /// <summary>The backend under test, new and owned by the caller (skips where the platform has none).</summary>
    private protected abstract ISelectorBackend CreateBackend();

    private protected Selector<int> CreateSelector() => new(CreateBackend());

    /// <summary>One wait into a fresh array of <paramref name="capacity"/> keys; the keys it reported.</summary>
    private protected static ReadyKey[] Wait(Selector<int> selector, int timeout, int capacity = 16)
    {
        var keys = new ReadyKey[capacity];
        return keys[..selector.SelectInto(timeout, keys)];
    }

    [Fact]
    public void A_readable_socket_is_reported_by_every_wait_until_it_is_read()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        selector.RegisterHandle(pair.Native.Handle, Event.Read, 7);
        Assert.Empty(Wait(selector, 0));

        pair.PeerSends(1, 2, 3);
        for (var i = 0; i < 3; i++)
        {
            var key = Assert.Single(Wait(selector, Patience));
            Assert.Equal(pair.Native.Handle, key.Fd);
            Assert.Equal(Event.Read, key.Events);
            Assert.Equal(0, key.ErrorCode);
            Assert.Equal(7, selector.GetData(key.Fd));
        }

        Assert.Equal(3, NativeSocket.Recv(pair.Native.Handle, new byte[16]));
        Assert.Empty(Wait(selector, 50));
    }

    [Fact]
    public void Read_and_write_readiness_of_one_socket_come_back_as_one_key()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        selector.RegisterHandle(pair.Native.Handle, Event.Read | Event.Write, 1);

        var key = Assert.Single(Wait(selector, Patience));
        Assert.Equal(Event.Read | Event.Write, key.Events);
    }

    [Fact]
    public void Only_the_registered_interest_is_reported()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        selector.RegisterHandle(pair.Native.Handle, Event.Write, 1);
        Assert.Equal(Event.Write, Assert.Single(Wait(selector, Patience)).Events);

        selector.UpdateHandle(pair.Native.Handle, Event.Read);
        Assert.Equal(Event.Read, Assert.Single(Wait(selector, Patience)).Events);

        selector.UpdateHandle(pair.Native.Handle, Event.None);
        Assert.Empty(Wait(selector, 50));
        Assert.True(selector.Contains(pair.Native.Handle));
    }

    [Fact]
    public void An_empty_interest_registers_the_data_and_watches_nothing()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        selector.RegisterHandle(pair.Native.Handle, Event.None, 42);

        Assert.Empty(Wait(selector, 50));
        Assert.False(selector.IsEmpty);
        Assert.Equal(42, selector.GetData(pair.Native.Handle));

        selector.UpdateHandle(pair.Native.Handle, Event.Read);
        Assert.Equal(Event.Read, Assert.Single(Wait(selector, Patience)).Events);
    }

    [Fact]
    public void A_oneshot_registration_is_reported_once_until_UpdateHandle_arms_it_again()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        selector.RegisterHandle(pair.Native.Handle, Event.Read | Event.Oneshot, 1);

        Assert.Equal(Event.Read, Assert.Single(Wait(selector, Patience)).Events);
        Assert.Empty(Wait(selector, 50));
        Assert.True(selector.Contains(pair.Native.Handle));

        selector.UpdateHandle(pair.Native.Handle, Event.Read | Event.Oneshot);
        Assert.Equal(Event.Read, Assert.Single(Wait(selector, Patience)).Events);
        Assert.Empty(Wait(selector, 50));

        selector.UpdateHandle(pair.Native.Handle, Event.Read);
        Assert.Single(Wait(selector, Patience));
        Assert.Single(Wait(selector, Patience));
    }

    [Fact]
    public void The_end_of_the_stream_is_reported_as_Read_and_a_receive_then_returns_0()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        selector.RegisterHandle(pair.Native.Handle, Event.Read, 1);
        pair.Peer.Shutdown(SocketShutdown.Send);

        var key = Assert.Single(Wait(selector, Patience));
        Assert.True(key.Events.HasFlag(Event.Read), $"events: {key.Events}");
        Assert.Equal(0, NativeSocket.Recv(pair.Native.Handle, new byte[16]));
    }

    [Fact]
    public unsafe void A_refused_connect_is_reported_as_Error_with_its_code()
    {
        using var selector = CreateSelector();
        Port closedPort;
        using (var listener = Loopback.ListenV4())
        {
            closedPort = NativeSocket.GetSockName(listener.Handle);
        }

        using var client = OwnedSocket.Create();
        NativeSocket.SetBlocking(client.Handle, false);
        var address = SockAddrIn.Create(Interop.Native.INADDR_LOOPBACK, closedPort);
        NativeSocket.Connect(client.Handle, (SockAddr*)&address, sizeof(SockAddrIn));
        selector.RegisterHandle(client.Handle, Event.Write, 1);

        var key = Assert.Single(Wait(selector, Patience));
        Assert.True(key.Events.HasFlag(Event.Error), $"events: {key.Events}");
        Assert.Equal(NativeSocket.ECONNREFUSED, key.ErrorCode);
    }

    [Fact]
    public void A_socket_unregistered_after_it_became_ready_is_not_reported_even_when_its_slot_is_reused()
    {
        using var selector = CreateSelector();
        using var ready = Connected.Tcp();
        using var idle = Connected.Tcp();
        ready.PeerSends(1);
        selector.RegisterHandle(ready.Native.Handle, Event.Read, 1);
        selector.Unregister(ready.Native.Handle);
        selector.RegisterHandle(idle.Native.Handle, Event.Read, 2);

        Assert.Empty(Wait(selector, 50));
        Assert.False(selector.Contains(ready.Native.Handle));
        Assert.True(selector.Contains(idle.Native.Handle));
    }

    [Fact]
    public void More_ready_sockets_than_64_come_back_in_one_wait_and_a_small_span_gets_each_in_turn()
    {
        using var selector = CreateSelector();
        var pairs = Enumerable.Range(0, 100).Select(_ => Connected.Tcp()).ToArray();
        try
        {
            for (var i = 0; i < pairs.Length; i++)
            {
                pairs[i].PeerSends(1);
                selector.RegisterHandle(pairs[i].Native.Handle, Event.Read, i);
            }

            var keys = Wait(selector, Patience, capacity: 200);
            Assert.Equal(pairs.Length, keys.Length);
            Assert.Equal(Enumerable.Range(0, pairs.Length), keys.Select(k => selector.GetData(k.Fd)).Order());

            // Level-triggered and fair: waits of 7 keys each report every socket within ceil(100 / 7) waits.
            var seen = new System.Collections.Generic.HashSet<int>();
            for (var wait = 0; wait < (pairs.Length + 6) / 7; wait++)
            {
                foreach (var key in Wait(selector, Patience, capacity: 7))
                {
                    seen.Add(selector.GetData(key.Fd));
                }
            }

            Assert.Equal(pairs.Length, seen.Count);
        }
        finally
        {
            foreach (var pair in pairs)
            {
                pair.Dispose();
            }
        }
    }

    [Fact]
    public void Among_2000_registered_sockets_only_the_ready_ones_are_reported()
    {
        using var selector = CreateSelector();
        // Wine's WSAPoll is slow and quadratic in the entries (see SelectTests): fewer sockets there.
        var count = RunningPlatform.IsWine ? 300 : 2000;
        var sockets = Enumerable.Range(0, count).Select(_ => OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP)).ToArray();
        try
        {
            for (var i = 0; i < sockets.Length; i++)
            {
                Loopback.AssertSucceeded(Loopback.BindV4(sockets[i].Handle), "BindAddr");
                selector.RegisterHandle(sockets[i].Handle, Event.Read, i);
            }

            Assert.Empty(Wait(selector, 0));
            using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            int[] chosen = [3, count / 2, count - 1];
            foreach (var index in chosen)
            {
                sender.SendTo(new byte[] { 1 }, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(sockets[index].Handle)));
            }

            var reported = new System.Collections.Generic.HashSet<int>();
            var clock = Stopwatch.StartNew();
            while (reported.Count < chosen.Length && clock.ElapsedMilliseconds < Patience)
            {
                foreach (var key in Wait(selector, Patience))
                {
                    Assert.Equal(Event.Read, key.Events);
                    reported.Add(selector.GetData(key.Fd));
                }
            }

            Assert.Equal(chosen, reported.Order());
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public void A_oneshot_timer_fires_once_after_its_timeout_and_keeps_its_data()
    {
        using var selector = CreateSelector();
        var clock = Stopwatch.StartNew();
        var id = selector.RegisterTimer(50, oneshot: true, 9);
        Assert.True(id < 0);

        var key = Assert.Single(Wait(selector, Patience));
        Assert.True(clock.ElapsedMilliseconds >= 50, $"fired after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(Event.Timer, key.Events);
        Assert.Equal(id, key.Fd.Value);
        Assert.Equal(9, selector.GetData(key.Fd));

        Assert.Empty(Wait(selector, 150));
        selector.Unregister(id);
        Assert.True(selector.IsEmpty);
    }

    [Fact]
    public void A_periodic_timer_keeps_its_schedule()
    {
        using var selector = CreateSelector();
        var clock = Stopwatch.StartNew();
        var id = selector.RegisterTimer(40, oneshot: false, 1);
        for (var tick = 1; tick <= 5; tick++)
        {
            var key = Assert.Single(Wait(selector, Patience));
            Assert.Equal(Event.Timer, key.Events);
            Assert.Equal(id, key.Fd.Value);
            Assert.True(clock.ElapsedMilliseconds >= 40 * tick, $"tick {tick} after {clock.ElapsedMilliseconds} ms");
        }

        selector.Unregister(id);
        Assert.Empty(Wait(selector, 100));
    }

    [Fact]
    public void A_timer_shortens_a_wait_without_limit()
    {
        using var selector = CreateSelector();
        var id = selector.RegisterTimer(30, oneshot: true, 1);
        Assert.Equal(id, Assert.Single(Wait(selector, -1)).Fd.Value);
    }

    [Fact]
    public void A_user_event_triggered_several_times_is_reported_once()
    {
        using var selector = CreateSelector();
        using var ev = new SelectEvent();
        selector.RegisterEvent(ev, 5);
        Assert.Empty(Wait(selector, 0));

        ev.Trigger();
        ev.Trigger();
        var key = Assert.Single(Wait(selector, Patience));
        Assert.Equal(Event.User, key.Events);
        Assert.Equal(ev.Id, key.Fd.Value);
        Assert.Equal(5, selector.GetData(key.Fd));
        Assert.Empty(Wait(selector, 50));

        selector.Unregister(ev);
        ev.Trigger();
        Assert.Empty(Wait(selector, 50));
        Assert.True(selector.IsEmpty);
    }

    [Fact]
    public void A_user_event_registered_with_two_selectors_is_reported_by_each()
    {
        using var first = CreateSelector();
        using var second = CreateSelector();
        using var ev = new SelectEvent();
        first.RegisterEvent(ev, 1);
        second.RegisterEvent(ev, 2);

        ev.Trigger();
        Assert.Equal(ev.Id, Assert.Single(Wait(first, Patience)).Fd.Value);
        Assert.Equal(ev.Id, Assert.Single(Wait(second, Patience)).Fd.Value);
    }

    [Fact]
    public void Data_is_read_replaced_and_asked_for()
    {
        using var selector = CreateSelector();
        using var socket = OwnedSocket.Create();
        Assert.True(selector.IsEmpty);
        Assert.False(selector.SetData(socket.Handle, 1));
        Assert.False(selector.TryGetData(socket.Handle, out _));

        selector.RegisterHandle(socket.Handle, Event.Read, 1);
        Assert.True(selector.Contains(socket.Handle));
        Assert.True(selector.SetData(socket.Handle, 2));
        Assert.Equal(2, selector.GetData(socket.Handle));
        Assert.True(selector.TryGetData(socket.Handle, out var data));
        Assert.Equal(2, data);

        selector.Unregister(socket.Handle);
        Assert.True(selector.IsEmpty);
        Assert.False(selector.Contains(socket.Handle));
    }

    [Fact]
    public void Select_returns_the_ready_keys_as_an_array()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        selector.RegisterHandle(pair.Native.Handle, Event.Read, 1);

        var key = Assert.Single(selector.Select(Patience));
        Assert.Equal(pair.Native.Handle, key.Fd);
        using var empty = CreateSelector();
        Assert.Empty(empty.Select(0));
    }

    [Fact]
    public void SelectInto_allocates_nothing()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        using var ev = new SelectEvent();
        pair.PeerSends(1);
        selector.RegisterHandle(pair.Native.Handle, Event.Read | Event.Write, 1);
        selector.RegisterEvent(ev, 2);
        selector.RegisterTimer(1, oneshot: false, 3);
        Span<ReadyKey> keys = stackalloc ReadyKey[8];
        for (var i = 0; i < 20; i++)
        {
            ev.Trigger();
            selector.SelectInto(Patience, keys);
        }

        ev.Trigger();
        Thread.Sleep(5);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var first = selector.SelectInto(Patience, keys);
        var second = selector.SelectInto(0, keys);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(first >= 2, $"{first} keys");
        Assert.True(second >= 1, $"{second} keys");
    }
}
