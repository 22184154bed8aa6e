using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public sealed class SelectTests : IDisposable
{
    private readonly List<OwnedSocket> _sockets = [];
    private readonly Socket _sender = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public void Dispose()
    {
        _sender.Dispose();
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public void SelectRead_with_nothing_ready_returns_0_and_empties_the_list()
    {
        var handles = Datagrams(3);

        Assert.Equal(0, NativeSocket.SelectRead(handles, 0));
        Assert.Empty(handles);
    }

    [Fact]
    public void SelectRead_keeps_only_the_ready_handles_in_Nims_swap_remove_order()
    {
        var all = Datagrams(4);
        MakeReadable(all[1], all[3]);
        var handles = new List<SocketHandle>(all);

        var count = NativeSocket.SelectRead(handles, 0);

        Assert.Equal(2, count);
        Assert.Equal(new[] { all[3], all[1] }, handles);
    }

    [Fact]
    public void SelectRead_agrees_with_System_Nets_Select_on_the_same_descriptors()
    {
        var all = Datagrams(6);
        MakeReadable(all[0], all[2], all[5]);
        var handles = new List<SocketHandle>(all);
        var views = all.Select(OwnedSocket.ViewOf).ToList();
        var readable = new List<Socket>(views);

        var count = NativeSocket.SelectRead(handles, 0);
        Socket.Select(readable, null, null, 0);

        Assert.Equal(readable.Count, count);
        Assert.Equal(readable.Select(s => s.Handle).Order(), handles.Select(h => h.Value).Order());
        views.ForEach(v => v.Dispose());
    }

    [Fact]
    public void A_ready_handle_listed_twice_stays_twice_but_counts_once()
    {
        var all = Datagrams(2);
        MakeReadable(all[0]);
        var handles = new List<SocketHandle> { all[0], all[0], all[1] };

        var count = NativeSocket.SelectRead(handles, 0);

        Assert.Equal(1, count);
        Assert.Equal(new[] { all[0], all[0] }, handles);
    }

    [Fact]
    public void A_listener_with_a_pending_connection_is_ready_to_read()
    {
        using var listener = Loopback.ListenV4();
        var handles = new List<SocketHandle> { listener.Handle };
        Assert.Equal(0, NativeSocket.SelectRead(handles, 0));

        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));
        handles.Add(listener.Handle);

        Assert.Equal(1, NativeSocket.SelectRead(handles, 10_000));
        Assert.Equal(new[] { listener.Handle }, handles);
    }

    [Fact]
    public void The_default_timeout_is_500_ms()
    {
        var handles = Datagrams(1);
        var clock = Stopwatch.StartNew();

        Assert.Equal(0, NativeSocket.SelectRead(handles));

        Assert.InRange(clock.ElapsedMilliseconds, 450, 5_000);
    }

    [Fact]
    public void A_timeout_of_minus_1_waits_until_a_handle_is_ready()
    {
        var all = Datagrams(2);
        var handles = new List<SocketHandle>(all);
        var late = new Thread(() =>
        {
            Thread.Sleep(200);
            Send(all[1]);
        });
        late.Start();
        var clock = Stopwatch.StartNew();

        var count = NativeSocket.SelectRead(handles, -1);

        Assert.Equal(1, count);
        Assert.Equal(new[] { all[1] }, handles);
        Assert.True(clock.ElapsedMilliseconds >= 150, $"returned after {clock.ElapsedMilliseconds} ms");
        late.Join();
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-5)]
    [InlineData(int.MinValue)]
    public void A_negative_timeout_other_than_minus_1_is_rejected_and_the_list_kept(int timeout)
    {
        var all = Datagrams(2);
        var handles = new List<SocketHandle>(all);

        var read = Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.SelectRead(handles, timeout));
        var write = Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.SelectWrite(handles, timeout));

        Assert.Equal("timeout", read.ParamName);
        Assert.Equal("timeout", write.ParamName);
        Assert.Equal(all, handles);
    }

    [Fact]
    public void A_null_list_is_rejected_by_name()
    {
        Assert.Equal("readfds", Assert.Throws<ArgumentNullException>(() => NativeSocket.SelectRead(null!)).ParamName);
        Assert.Equal("writefds", Assert.Throws<ArgumentNullException>(() => NativeSocket.SelectWrite(null!)).ParamName);
    }

    [Fact]
    public void A_closed_handle_gives_minus_1_with_EBADF_and_leaves_the_list_alone()
    {
        var all = Datagrams(2);
        MakeReadable(all[0]);
        var handles = new List<SocketHandle> { all[0], Descriptors.ClosedHandle(), all[1] };
        var before = handles.ToList();

        Assert.Equal(-1, NativeSocket.SelectRead(handles, 0));
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
        Assert.Equal(before, handles);

        Assert.Equal(-1, NativeSocket.SelectWrite(handles, 0));
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
        Assert.Equal(before, handles);
    }

    [Fact]
    public void OsInvalidSocket_in_the_list_gives_minus_1_with_EBADF()
    {
        var handles = new List<SocketHandle>(Datagrams(1)) { NativeSocket.OsInvalidSocket };
        var before = handles.ToList();

        Assert.Equal(-1, NativeSocket.SelectRead(handles, 0));
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
        Assert.Equal(before, handles);
    }

    [Fact]
    public void An_empty_list_waits_out_the_timeout_and_returns_0()
    {
        var handles = new List<SocketHandle>();
        var clock = Stopwatch.StartNew();

        Assert.Equal(0, NativeSocket.SelectRead(handles, 100));

        Assert.True(clock.ElapsedMilliseconds >= 90, $"returned after {clock.ElapsedMilliseconds} ms");
        Assert.Empty(handles);
    }

    [PosixFact("moves a socket to a chosen descriptor number with fcntl(F_DUPFD)")]
    public void A_descriptor_above_FD_SETSIZE_works()
    {
        var low = Datagrams(1)[0];
        var fd = Native.fcntl((int)low.Value, Native.F_DUPFD, Native.FD_SETSIZE + 100);
        Assert.True(fd > Native.FD_SETSIZE, $"fcntl(F_DUPFD) gave {fd}: errno {Marshal.GetLastPInvokeError()}");
        var high = new SocketHandle(fd);
        _sockets.Add(new OwnedSocket(high));
        var handles = new List<SocketHandle> { high };

        Assert.Equal(0, NativeSocket.SelectRead(handles, 0));
        Assert.Empty(handles);

        MakeReadable(low);
        handles.Add(high);
        Assert.Equal(1, NativeSocket.SelectRead(handles, 0));
        Assert.Equal(new[] { high }, handles);
    }

    [Fact]
    public void More_handles_than_fit_on_the_stack_are_selected_the_same_way()
    {
        var all = Datagrams(150);
        var ready = all.Where((_, i) => i % 3 == 0).ToArray();
        MakeReadable(ready);
        var handles = new List<SocketHandle>(all);

        var count = NativeSocket.SelectRead(handles, 0);

        Assert.Equal(ready.Length, count);
        Assert.Equal(ready.Select(h => h.Value).Order(), handles.Select(h => h.Value).Order());
    }

    [Fact]
    public void SelectWrite_reports_a_connected_socket_with_room_and_drops_a_full_one()
    {
        using var roomy = Connected.Tcp();
        using var full = Connected.Tcp();
        FillSendBuffer(full.Native.Handle);
        var handles = new List<SocketHandle> { full.Native.Handle, roomy.Native.Handle };

        var count = NativeSocket.SelectWrite(handles, 0);

        Assert.Equal(1, count);
        Assert.Equal(new[] { roomy.Native.Handle }, handles);
        using var view = full.Native.View();
        Assert.False(view.Poll(0, SelectMode.SelectWrite));
    }

    [PosixFact("a signal interrupts poll with EINTR; WSAPoll is never interrupted")]
    public unsafe void An_interrupted_poll_is_resumed_with_the_time_left()
    {
        FakePoll.Reset(interruptions: 2);

        var result = Polling.Wait(null, 0, 300, &FakePoll.Poll);

        Assert.Equal(0, result);
        Assert.Equal(3, FakePoll.Timeouts.Count);
        Assert.Equal(300, FakePoll.Timeouts[0]);
        Assert.InRange(FakePoll.Timeouts[1], 0, 300 - 40);
        Assert.InRange(FakePoll.Timeouts[2], 0, FakePoll.Timeouts[1] - 40);
    }

    [PosixFact("a signal interrupts poll with EINTR; WSAPoll is never interrupted")]
    public unsafe void An_interrupted_poll_without_a_limit_stays_without_one_and_other_errors_are_returned()
    {
        FakePoll.Reset(interruptions: 1);
        Assert.Equal(0, Polling.Wait(null, 0, -1, &FakePoll.Poll));
        Assert.Equal(new[] { -1, -1 }, FakePoll.Timeouts);

        FakePoll.Reset(interruptions: 1, error: NativeSocket.EINVAL);
        Assert.Equal(-1, Polling.Wait(null, 0, 100, &FakePoll.Poll));
        Assert.Equal(NativeSocket.EINVAL, NativeSocket.LastError);
        Assert.Single(FakePoll.Timeouts);
    }

    private static void FillSendBuffer(SocketHandle handle)
    {
        NativeSocket.SetSockOptInt(handle, NativeSocket.SOL_SOCKET, Native.SO_SNDBUF, 4096);
        NativeSocket.SetBlocking(handle, false);
        LoopbackPeers.SendUntilFull(handle);
    }

    /// <summary>Unconnected UDP sockets bound to 127.0.0.1, owned by the test.</summary>
    private List<SocketHandle> Datagrams(int count)
    {
        var handles = new List<SocketHandle>();
        for (var i = 0; i < count; i++)
        {
            var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
            _sockets.Add(socket);
            Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");
            handles.Add(socket.Handle);
        }

        return handles;
    }

    private void Send(SocketHandle to) =>
        _sender.SendTo(new byte[] { 1 }, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(to)));

    /// <summary>Sends each socket a datagram and waits (boundedly) until it has arrived.</summary>
    private void MakeReadable(params SocketHandle[] handles)
    {
        foreach (var handle in handles)
        {
            Send(handle);
            using var view = OwnedSocket.ViewOf(handle);
            Assert.True(view.Poll(Loopback.Patience, SelectMode.SelectRead), "the datagram did not arrive");
        }
    }

    /// <summary>A stand-in for poll: interrupted a given number of times (with ~50 ms passing each time), then a timeout.</summary>
    private static class FakePoll
    {
        [ThreadStatic]
        private static int t_interruptions;

        [ThreadStatic]
        private static int t_error;

        [ThreadStatic]
        private static List<int>? t_timeouts;

        public static List<int> Timeouts => t_timeouts!;

        public static void Reset(int interruptions, int error = 0)
        {
            t_interruptions = interruptions;
            t_error = error == 0 ? NativeSocket.EINTR : error;
            t_timeouts = [];
        }

        public static unsafe int Poll(void* fds, ulong count, int timeout)
        {
            Timeouts.Add(timeout);
            if (t_interruptions-- > 0)
            {
                Thread.Sleep(50);
                Marshal.SetLastPInvokeError(t_error);
                return -1;
            }

            return 0;
        }
    }
}
