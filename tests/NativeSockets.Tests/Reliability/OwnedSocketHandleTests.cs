using System;
using System.Runtime.CompilerServices;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// OwnedSocketHandle closes its socket exactly once: disposing it again cannot close a descriptor the
/// system has since handed out again, using it after disposal is an error, and a hundred thousand of
/// them, disposed or abandoned to the finalizer, leave no descriptor behind.
/// </summary>
[Collection(nameof(RunsAlone))]
public class OwnedSocketHandleTests
{
    private static readonly int Handles = LongRuns.Scale(100_000);

    [Fact]
    public void Disposing_closes_the_socket() => AssertCloses(owned => owned.Dispose());

    [Fact]
    public void Close_closes_the_socket() => AssertCloses(owned => owned.Close());

    [Fact]
    public void A_second_dispose_leaves_the_socket_that_took_the_number_open()
    {
        var owned = new OwnedSocketHandle(NativeSocket.CreateNativeSocket());
        var number = owned.Socket;
        owned.Dispose();

        // The kernel gives out the lowest free number; retry until another socket has this one.
        using var successor = TakeNumber(number);
        owned.Dispose();
        owned.Close();

        Assert.True(Descriptors.IsOpen(successor.Handle));
        Assert.Equal(Domain.AF_INET6, NativeSocket.GetSockDomain(successor.Handle));
    }

    [Fact]
    public void Using_the_socket_after_dispose_throws_ObjectDisposedException()
    {
        var owned = new OwnedSocketHandle(NativeSocket.CreateNativeSocket());
        Assert.Equal(Domain.AF_INET, NativeSocket.GetSockDomain(owned.Socket));
        owned.Dispose();

        Assert.True(owned.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => owned.Socket);
    }

    [Fact]
    public void The_socket_is_the_one_it_was_given_and_stays_open_while_owned()
    {
        var socket = NativeSocket.CreateNativeSocket(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        using var owned = new OwnedSocketHandle(socket);

        Assert.Equal(socket, owned.Socket);
        Assert.Equal(socket.Value, owned.DangerousGetHandle());
        Assert.False(owned.IsInvalid);
        Assert.Equal(Domain.AF_INET6, NativeSocket.GetSockDomain(owned.Socket));
    }

    [PosixFact("counts descriptors in /proc/self/fd")]
    public void A_hundred_thousand_disposed_or_finalized_handles_leave_no_descriptor()
    {
        var (descriptors, _) = ProcessResources.GrowthOverSecondRun(
            () =>
            {
                for (var i = 0; i < Handles; i++)
                {
                    if (i % 2 == 0)
                    {
                        using var owned = new OwnedSocketHandle(NativeSocket.CreateNativeSocket());
                        Assert.False(owned.Socket.IsInvalid);
                    }
                    else
                    {
                        Abandon();
                    }

                    if (i % 1000 == 999)
                    {
                        // Abandoned handles wait for the finalizer; give it a chance before the limit is reached.
                        ProcessResources.Settle();
                    }
                }
            },
            () => 0);

        Assert.Equal(0, descriptors);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Abandon() => _ = new OwnedSocketHandle(NativeSocket.CreateNativeSocket());

    private static void AssertCloses(Action<OwnedSocketHandle> close)
    {
        var owned = new OwnedSocketHandle(Descriptors.CreateHigh().Release());
        var socket = owned.Socket;
        Loopback.AssertSucceeded(Loopback.BindV4(socket), "BindAddr");
        var port = NativeSocket.GetSockName(socket);

        close(owned);

        Descriptors.AssertClosed(socket, port);
    }

    /// <summary>An IPv6 datagram socket on <paramref name="number"/>, made by creating sockets until the kernel hands it out.</summary>
    private static OwnedSocket TakeNumber(SocketHandle number)
    {
        var others = new System.Collections.Generic.List<OwnedSocket>();
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                var socket = OwnedSocket.Create(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
                if (socket.Handle == number)
                {
                    return socket;
                }

                others.Add(socket);
            }

            throw new InvalidOperationException($"descriptor {number} was not handed out again");
        }
        finally
        {
            others.ForEach(socket => socket.Dispose());
        }
    }
}
