using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// Eight threads call SelectRead and SelectWrite at once, each on a list of its own sockets (some of
/// them longer than the stack holds, so pooled arrays are shared): every call returns exactly its own
/// ready sockets, never another thread's, never one that is not ready.
/// </summary>
[Collection(nameof(RunsAlone))]
public class SelectConcurrencyTests
{
    private const int Threads = 8;
    private const int SocketsPerThread = 4;

    /// <summary>
    /// Selects per thread. Scaled down under Wine, where every WSAPoll is a round trip to wineserver
    /// (shared by all threads) and 10,000 rounds on eight threads take minutes; a few hundred still
    /// interleave the threads' calls.
    /// </summary>
    private static readonly int Rounds = RunningPlatform.IsWine ? 300 : 10_000;

    /// <summary>Even threads list each socket many times, past the 64 entries that fit on the stack.</summary>
    private const int LongListRepeats = 20;

    [Fact]
    public void SelectRead_from_several_threads_on_disjoint_lists_returns_each_threads_own_ready_sockets() =>
        RunConcurrently(thread =>
        {
            var sockets = Enumerable.Range(0, SocketsPerThread).Select(_ => Datagram()).ToList();
            var ready = sockets.Where((_, i) => (i + thread) % 2 == 0).Select(s => s.Handle).ToHashSet();
            foreach (var socket in ready)
            {
                MakeReadable(socket);
            }

            return new ThreadSockets(sockets.Select(s => s.Handle).ToList(), ready, NativeSocket.SelectRead, () => sockets.ForEach(s => s.Dispose()));
        });

    [Fact]
    public void SelectWrite_from_several_threads_on_disjoint_lists_returns_each_threads_own_writable_sockets() =>
        RunConcurrently(thread =>
        {
            var connections = Enumerable.Range(0, SocketsPerThread).Select(_ => Connected.Tcp()).ToList();
            var ready = new HashSet<SocketHandle>();
            for (var i = 0; i < connections.Count; i++)
            {
                if ((i + thread) % 2 == 0)
                {
                    ready.Add(connections[i].Native.Handle);
                }
                else
                {
                    LoopbackPeers.FillSendBuffer(connections[i].Native.Handle);
                }
            }

            return new ThreadSockets(connections.Select(c => c.Native.Handle).ToList(), ready, NativeSocket.SelectWrite, () => connections.ForEach(c => c.Dispose()));
        });

    /// <summary>
    /// Runs <see cref="Rounds"/> selects on each of <see cref="Threads"/> threads at once, after each thread
    /// has set up its own sockets with <paramref name="setUp"/>, and checks every result.
    /// </summary>
    private static void RunConcurrently(Func<int, ThreadSockets> setUp)
    {
        using var start = new Barrier(Threads);
        var failures = new List<string>();
        void Fail(string failure)
        {
            lock (failures)
            {
                failures.Add(failure);
            }
        }

        var workers = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            ThreadSockets? own = null;
            var started = false;
            try
            {
                own = setUp(thread);
                var listed = thread % 2 == 0 ? Enumerable.Repeat(own.Handles, LongListRepeats).SelectMany(h => h).ToList() : own.Handles;
                var expectedEntries = listed.Count(own.Ready.Contains);
                started = true;
                if (!start.SignalAndWait(TimeSpan.FromMinutes(1)))
                {
                    Fail($"thread {thread}: the other threads did not get ready");
                    return;
                }

                var handles = new List<SocketHandle>(listed.Count);
                for (var round = 0; round < Rounds; round++)
                {
                    handles.Clear();
                    handles.AddRange(listed);
                    var count = own.Select(handles, 1000);
                    if (count != own.Ready.Count || handles.Count != expectedEntries || !handles.All(own.Ready.Contains))
                    {
                        Fail($"thread {thread}, round {round}: {count} ready, list [{string.Join(", ", handles)}], expected {own.Ready.Count} of [{string.Join(", ", own.Ready)}] (errno {NativeSocket.LastError})");
                        return;
                    }
                }
            }
            catch (Exception exception)
            {
                if (!started)
                {
                    // The others must not wait at the barrier for a thread that will never reach it.
                    start.RemoveParticipant();
                }

                Fail($"thread {thread}: {exception}");
            }
            finally
            {
                own?.Dispose();
            }
        })).ToList();

        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => Assert.True(worker.Join(TimeSpan.FromMinutes(2)), "a select thread did not finish"));
        Assert.Empty(failures);
    }

    /// <summary>One thread's sockets, the ones among them that are ready, the select to run, and how to close them.</summary>
    private sealed record ThreadSockets(List<SocketHandle> Handles, HashSet<SocketHandle> Ready, Func<List<SocketHandle>, int, int> Select, Action Close) : IDisposable
    {
        public void Dispose() => Close();
    }

    private static OwnedSocket Datagram()
    {
        var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");
        return socket;
    }

    /// <summary>Sends the socket a datagram and waits (boundedly) until it has arrived.</summary>
    private static void MakeReadable(SocketHandle socket)
    {
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.SendTo([1], new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, NativeSocket.GetSockName(socket)));
        using var view = OwnedSocket.ViewOf(socket);
        Assert.True(view.Poll(Loopback.Patience, SelectMode.SelectRead), "the datagram did not arrive");
    }
}
