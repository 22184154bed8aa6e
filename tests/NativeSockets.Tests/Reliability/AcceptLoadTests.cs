using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// An accept loop on the library takes ten thousand connections from several client threads, echoes
/// every byte and closes each connection: no connection and no byte is lost, and the process ends
/// with the socket descriptors it started with.
/// </summary>
[Collection(nameof(RunsAlone))]
public class AcceptLoadTests
{
    private const int ClientThreads = 4;
    private static readonly int ConnectionsPerThread = LongRuns.Scale(2_500);

    /// <summary>The whole run stops here, so a fault fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(LongRuns.Scale(3));

    [PosixFact("counts open sockets in /proc/self/fd")]
    public void Ten_thousand_connections_are_accepted_echoed_and_closed_without_loss()
    {
        using var cancellation = new CancellationTokenSource(Deadline);

        // A first, small run loads what the runtime loads on first use (assemblies, System.Net's epoll
        // engine), which holds descriptors for the life of the process.
        RunLoad(connectionsPerThread: 10, cancellation.Token, out _);
        ProcessResources.Settle();
        var socketsBefore = ProcessResources.OpenSockets();

        var (accepted, echoedBytes) = RunLoad(ConnectionsPerThread, cancellation.Token, out var clientBytes);
        ProcessResources.Settle();
        var socketsAfter = ProcessResources.OpenSockets();
        ProcessResources.Report($"{accepted} connections accepted and {echoedBytes} bytes echoed; open sockets: {socketsBefore} before, {socketsAfter} after");

        Assert.Equal(ClientThreads * ConnectionsPerThread, accepted);
        Assert.Equal(clientBytes, echoedBytes);
        Assert.Equal(socketsBefore, socketsAfter);
    }

    private static (int Accepted, long EchoedBytes) RunLoad(int connectionsPerThread, CancellationToken cancellation, out long clientBytes)
    {
        using var listener = Loopback.ListenV4();
        var endPoint = new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));
        var server = Task.Factory.StartNew(() => Serve(listener.Handle, ClientThreads * connectionsPerThread, cancellation), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var clients = Enumerable.Range(0, ClientThreads)
            .Select(thread => Task.Factory.StartNew(() => Connect(endPoint, thread, connectionsPerThread, cancellation), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();

        Task.WaitAll(clients.Append<Task>(server).ToArray(), cancellation);
        clientBytes = clients.Sum(c => c.Result);
        return server.Result;
    }

    /// <summary>Accepts, echoes until the client's end of stream, closes; waits only through SelectRead, so the deadline holds.</summary>
    private static (int Accepted, long EchoedBytes) Serve(SocketHandle listener, int connections, CancellationToken cancellation)
    {
        var accepted = 0;
        long echoed = 0;
        var buffer = new byte[512];
        var waiting = new List<SocketHandle>(1);
        while (accepted < connections)
        {
            cancellation.ThrowIfCancellationRequested();
            waiting.Clear();
            waiting.Add(listener);
            if (NativeSocket.SelectRead(waiting, 100) == 0)
            {
                continue;
            }

            var (client, address) = NativeSocket.Accept(listener);
            Assert.False(client.IsInvalid, $"Accept failed with errno {NativeSocket.LastError} after {accepted} connections.");
            Assert.Equal("127.0.0.1", address);
            try
            {
                echoed += Echo(client, buffer, cancellation);
            }
            finally
            {
                NativeSocket.Close(client);
            }

            accepted++;
        }

        return (accepted, echoed);
    }

    private static long Echo(SocketHandle client, byte[] buffer, CancellationToken cancellation)
    {
        long echoed = 0;
        var readable = new List<SocketHandle>(1);
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            readable.Clear();
            readable.Add(client);
            if (NativeSocket.SelectRead(readable, 100) == 0)
            {
                continue;
            }

            var received = (int)NativeSocket.Recv(client, buffer);
            Assert.True(received >= 0, $"Recv failed with errno {NativeSocket.LastError}.");
            if (received == 0)
            {
                return echoed;
            }

            var sent = 0;
            while (sent < received)
            {
                var count = (int)NativeSocket.Send(client, buffer.AsSpan(sent, received - sent), NativeSocket.MSG_NOSIGNAL);
                Assert.True(count > 0, $"Send failed with errno {NativeSocket.LastError}.");
                sent += count;
            }

            echoed += received;
        }
    }

    /// <summary>One client thread: each connection sends its own bytes, ends its stream, and must get them all back.</summary>
    private static long Connect(IPEndPoint endPoint, int thread, int connections, CancellationToken cancellation)
    {
        long total = 0;
        var reply = new byte[512];
        for (var i = 0; i < connections; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var message = Message(thread, i);
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000, SendTimeout = 10_000 };
            socket.Connect(endPoint);
            socket.Send(message);
            socket.Shutdown(SocketShutdown.Send);
            var received = 0;
            int count;
            while ((count = socket.Receive(reply.AsSpan(received))) > 0)
            {
                received += count;
            }

            Assert.Equal(message, reply.AsSpan(0, received).ToArray());
            total += message.Length;
        }

        return total;
    }

    /// <summary>A message unique to one connection, of a length that varies with it (1 to 300 bytes).</summary>
    private static byte[] Message(int thread, int connection)
    {
        var bytes = new byte[1 + ((thread * 7919 + connection * 31) % 300)];
        for (var k = 0; k < bytes.Length; k++)
        {
            bytes[k] = (byte)(thread ^ connection ^ k);
        }

        return bytes;
    }
}
