using System;
using System.Diagnostics;
using System.Threading;
using System.Linq;
using System.Threading.Tasks;
using NativeSockets.Selectors;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Selectors;

/// <summary>A selector used from several threads: changes made while a wait blocks take effect in that wait.</summary>
public abstract partial class SelectorContractTests
{
    /// <summary>Runs a wait without limit on another thread, lets it block, runs <paramref name="change"/>, and returns the wait's keys.</summary>
    private static ReadyKey[] WaitWhile(Selector<int> selector, Action change)
    {
        var waiting = Task.Factory.StartNew(() => Wait(selector, -1), TaskCreationOptions.LongRunning);
        Thread.Sleep(100);
        Assert.False(waiting.IsCompleted, "the wait returned before the change");
        change();
        Assert.True(waiting.Wait(Patience), "the change did not reach the blocked wait");
        return waiting.Result;
    }

    /// <summary>Waits (boundedly) for <paramref name="task"/> and rethrows its failure.</summary>
    internal static void Finish(Task task)
    {
        Assert.True(task.Wait(Patience), "the task did not finish");
        task.GetAwaiter().GetResult();
    }

    [Fact]
    public void A_socket_registered_while_another_thread_waits_is_reported_by_that_wait()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);

        var key = Assert.Single(WaitWhile(selector, () => selector.RegisterHandle(pair.Native.Handle, Event.Read, 3)));
        Assert.Equal(pair.Native.Handle, key.Fd);
    }

    [Fact]
    public void An_update_made_while_another_thread_waits_is_reported_by_that_wait()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        selector.RegisterHandle(pair.Native.Handle, Event.None, 3);

        var key = Assert.Single(WaitWhile(selector, () => selector.UpdateHandle(pair.Native.Handle, Event.Read)));
        Assert.Equal(Event.Read, key.Events);
    }

    [Fact]
    public void A_timer_registered_while_another_thread_waits_ends_that_wait()
    {
        using var selector = CreateSelector();
        var id = 0;
        var key = Assert.Single(WaitWhile(selector, () => id = selector.RegisterTimer(20, oneshot: true, 1)));
        Assert.Equal(id, key.Fd.Value);
    }

    [Fact]
    public void A_trigger_from_another_thread_ends_a_wait_without_limit()
    {
        using var selector = CreateSelector();
        using var ev = new SelectEvent();
        selector.RegisterEvent(ev, 1);

        var key = Assert.Single(WaitWhile(selector, ev.Trigger));
        Assert.Equal(Event.User, key.Events);
    }

    [Fact]
    public void A_second_thread_cannot_wait_while_one_waits_and_closing_ends_the_wait()
    {
        var selector = CreateSelector();
        var waiting = Task.Factory.StartNew(() => Wait(selector, -1), TaskCreationOptions.LongRunning);
        Thread.Sleep(100);
        Assert.False(waiting.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => selector.SelectInto(0, new ReadyKey[1]));

        selector.Close();
        var ended = Assert.Throws<AggregateException>(() => waiting.Wait(Patience));
        Assert.IsType<ObjectDisposedException>(ended.InnerException);
    }

    [Fact]
    public void Registrations_churned_by_other_threads_during_waits_leave_a_consistent_table()
    {
        using var selector = CreateSelector();
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        var sockets = new OwnedSocket[4][];
        for (var t = 0; t < sockets.Length; t++)
        {
            sockets[t] = new OwnedSocket[16];
            for (var i = 0; i < sockets[t].Length; i++)
            {
                // Bound UDP sockets are idle; an unconnected TCP socket would report a hang-up.
                sockets[t][i] = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
                Loopback.AssertSucceeded(Loopback.BindV4(sockets[t][i].Handle), "BindAddr");
            }
        }

        try
        {
            var stop = 0;
            var waiter = Task.Factory.StartNew(
                () =>
                {
                    var keys = new ReadyKey[32];
                    while (Volatile.Read(ref stop) == 0)
                    {
                        foreach (var key in keys.AsSpan(0, selector.SelectInto(5, keys)))
                        {
                            // Only the readable socket can be reported: the others are idle and watched for Read.
                            Assert.Equal(pair.Native.Handle, key.Fd);
                        }
                    }
                },
                TaskCreationOptions.LongRunning);
            selector.RegisterHandle(pair.Native.Handle, Event.Read, -1);
            var clock = Stopwatch.StartNew();
            Parallel.For(0, sockets.Length, t =>
            {
                for (var round = 0; round < 200; round++)
                {
                    foreach (var socket in sockets[t])
                    {
                        selector.RegisterHandle(socket.Handle, Event.Read, t);
                    }

                    foreach (var socket in sockets[t])
                    {
                        selector.Unregister(socket.Handle);
                    }
                }
            });
            Volatile.Write(ref stop, 1);
            Finish(waiter);

            Assert.True(selector.Contains(pair.Native.Handle));
            selector.Unregister(pair.Native.Handle);
            Assert.True(selector.IsEmpty);
        }
        finally
        {
            foreach (var socket in sockets.SelectMany(s => s))
            {
                socket.Dispose();
            }
        }
    }
}
