using System;
using System.Net;
using System.Net.Sockets;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// A hundred thousand calls of each kind, failing and succeeding, leave the descriptor count where it
/// was and native memory flat.
/// </summary>
[Collection(nameof(RunsAlone))]
public class DescriptorLeakTests
{
    private static readonly int Calls = LongRuns.Scale(100_000);

    [PosixFact("counts descriptors in /proc/self/fd and resident memory in /proc/self/statm")]
    public void Creating_and_closing_sockets_and_failing_to_create_them_leaks_nothing() => AssertLeaksNothing(() =>
    {
        for (var i = 0; i < Calls; i++)
        {
            var socket = NativeSocket.CreateNativeSocket();
            Assert.False(socket.IsInvalid);
            NativeSocket.Close(socket);
            Assert.True(NativeSocket.CreateNativeSocket(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP).IsInvalid);
        }
    });

    [PosixFact("counts descriptors in /proc/self/fd and resident memory in /proc/self/statm")]
    public void Accepting_on_an_empty_non_blocking_listener_leaks_nothing()
    {
        using var listener = Loopback.ListenV4();
        Descriptors.SetNonBlocking(listener.Handle);
        AssertLeaksNothing(() =>
        {
            for (var i = 0; i < Calls; i++)
            {
                var (client, address) = NativeSocket.Accept(listener.Handle);
                Assert.True(client.IsInvalid);
                Assert.Equal(string.Empty, address);
            }
        });
    }

    [PosixFact("counts descriptors in /proc/self/fd and resident memory in /proc/self/statm")]
    public void Accepting_real_connections_and_closing_them_leaks_nothing()
    {
        using var listener = Loopback.ListenV4();
        var endPoint = new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));
        AssertLeaksNothing(() =>
        {
            for (var i = 0; i < Calls / 10; i++)
            {
                using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                peer.Connect(endPoint);
                var (client, address) = NativeSocket.Accept(listener.Handle);
                Assert.False(client.IsInvalid);
                Assert.Equal("127.0.0.1", address);
                NativeSocket.Close(client);
            }
        });
    }

    [PosixFact("counts descriptors in /proc/self/fd and resident memory in /proc/self/statm")]
    public void Failing_GetSockName_leaks_nothing()
    {
        var closed = Descriptors.ClosedHandle();
        AssertLeaksNothing(() =>
        {
            for (var i = 0; i < Calls; i++)
            {
                Assert.Throws<OSErrorException>(() => NativeSocket.GetSockName(closed));
            }
        });
    }

    private static void AssertLeaksNothing(Action calls)
    {
        var (descriptors, resident) = ProcessResources.GrowthOverSecondRun(calls, ProcessResources.ResidentBytes, ProcessResources.ResidentGrowthBound);

        Assert.Equal(0, descriptors);
        Assert.True(resident < ProcessResources.ResidentGrowthBound, $"The resident set grew by {resident / 1024} KiB over {Calls} calls.");
    }
}
