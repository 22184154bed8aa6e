using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// A signal handled without SA_RESTART lands in a blocking call: Accept reports it (OsInvalidSocket and
/// EINTR, as Nim does), SelectRead and SelectWrite resume for the time left. The handler is put back as
/// it was after each test.
/// </summary>
[Collection(nameof(RunsAlone))]
public unsafe class InterruptionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [PosixFact("interrupts the call with a POSIX signal, which Windows does not have")]
    public void The_signals_interrupt_a_raw_poll_with_EINTR()
    {
        // The control experiment: without the library's retry, the same signals end the wait early.
        using var listener = Loopback.ListenV4();
        var entry = stackalloc byte[Native.pollfd.Size];
        var pollfd = new Native.pollfd(entry);
        pollfd.fd = (int)listener.Handle.Value;
        pollfd.events = (short)Native.POLLIN;
        var fds = (nint)entry;
        var clock = Stopwatch.StartNew();

        var (result, errno) = SignalInterrupter.InterruptUntilReturned(
            () => (Native.poll((void*)fds, 1, 10_000), NativeSocket.LastError), Patience, () => LoopbackPeers.ConnectTo(listener.Handle).Dispose());

        Assert.Equal((-1, NativeSocket.EINTR), (result, errno));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(9), $"poll returned only after {clock.Elapsed}");
    }

    [PosixFact("interrupts the call with a POSIX signal, which Windows does not have")]
    public void A_signal_during_Accept_returns_OsInvalidSocket_with_EINTR()
    {
        using var listener = Loopback.ListenV4();

        var (client, address, errno) = SignalInterrupter.InterruptUntilReturned(
            () =>
            {
                var (socket, text) = NativeSocket.Accept(listener.Handle);
                return (socket, text, NativeSocket.LastError);
            },
            Patience,
            () => LoopbackPeers.ConnectTo(listener.Handle).Dispose());

        Assert.True(client.IsInvalid, "Accept returned a connection nobody made");
        Assert.Equal(string.Empty, address);
        Assert.Equal(NativeSocket.EINTR, errno);
        Assert.True(SignalInterrupter.Delivered > 0);
    }

    [PosixFact("interrupts the call with a POSIX signal, which Windows does not have")]
    public void A_signal_during_the_allocation_free_and_raw_Accept_is_reported_the_same_way()
    {
        using var listener = Loopback.ListenV4();

        var (free, freeErrno) = SignalInterrupter.InterruptUntilReturned(
            () => (NativeSocket.Accept(listener.Handle, out _, out _), NativeSocket.LastError), Patience, () => LoopbackPeers.ConnectTo(listener.Handle).Dispose());
        var (raw, rawErrno) = SignalInterrupter.InterruptUntilReturned(
            () => (NativeSocket.Accept(listener.Handle, null, null), NativeSocket.LastError), Patience, () => LoopbackPeers.ConnectTo(listener.Handle).Dispose());

        Assert.Equal((NativeSocket.OsInvalidSocket, NativeSocket.EINTR), (free, freeErrno));
        Assert.Equal((NativeSocket.OsInvalidSocket, NativeSocket.EINTR), (raw, rawErrno));
    }

    [PosixFact("interrupts the call with a POSIX signal, which Windows does not have")]
    public void After_an_interrupted_Accept_the_next_Accept_takes_the_connection()
    {
        using var listener = Loopback.ListenV4();
        var (interrupted, _) = SignalInterrupter.InterruptUntilReturned(
            () => NativeSocket.Accept(listener.Handle), Patience, () => LoopbackPeers.ConnectTo(listener.Handle).Dispose());
        Assert.True(interrupted.IsInvalid);

        using var peer = LoopbackPeers.ConnectTo(listener.Handle);
        var (client, address) = Loopback.AcceptPending(listener.Handle);
        using (client)
        {
            Assert.Equal("127.0.0.1", address);
        }
    }

    [PosixFact("interrupts the call with a POSIX signal, which Windows does not have")]
    public void SelectRead_waits_out_its_whole_timeout_through_the_signals()
    {
        using var listener = Loopback.ListenV4();
        var handles = new List<SocketHandle> { listener.Handle };
        var clock = Stopwatch.StartNew();

        var (count, errno, delivered) = SignalInterrupter.InterruptUntilReturned(
            () => (NativeSocket.SelectRead(handles, 1000), NativeSocket.LastError, SignalInterrupter.Delivered), Patience, () => LoopbackPeers.ConnectTo(listener.Handle).Dispose());

        Assert.Equal(0, count);
        Assert.Empty(handles);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(980), $"SelectRead returned after {clock.Elapsed.TotalMilliseconds} ms of a 1000 ms timeout (errno {errno})");
        Assert.True(delivered >= 10, $"only {delivered} signals arrived during the wait");
    }

    [PosixFact("interrupts the call with a POSIX signal, which Windows does not have")]
    public void SelectWrite_without_a_time_limit_resumes_through_the_signals_until_a_socket_is_ready()
    {
        using var connected = Connected.Tcp();
        var full = connected.Native.Handle;
        LoopbackPeers.FillSendBuffer(full);
        var handles = new List<SocketHandle> { full };
        var clock = Stopwatch.StartNew();
        var reader = new Thread(() =>
        {
            Thread.Sleep(500);
            Drain(connected.Peer);
        });
        reader.Start();

        var (count, delivered) = SignalInterrupter.InterruptUntilReturned(
            () => (NativeSocket.SelectWrite(handles, -1), SignalInterrupter.Delivered), Patience, () => Drain(connected.Peer));

        // The wait ended only when the peer read, half a second in: the signals before that did not end it.
        Assert.Equal(1, count);
        Assert.Equal([full], handles);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(490), $"SelectWrite returned after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.True(delivered >= 5, $"only {delivered} signals arrived during the wait");
        reader.Join();
    }

    private static void Drain(Socket peer)
    {
        var buffer = new byte[1 << 20];
        while (peer.Available > 0)
        {
            _ = peer.Receive(buffer);
        }
    }
}
