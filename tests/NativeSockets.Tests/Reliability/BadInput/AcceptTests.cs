using System;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>Every Accept overload and the raw accept (NativeSocket.Accept.cs, NativeSocket.NonBlocking.cs, NativeSocket.RawCalls.cs) on sockets that cannot accept.</summary>
[Collection(nameof(RunsAlone))]
public unsafe class AcceptTests
{
    [Theory]
    [MemberData(nameof(BadHandles.All), MemberType = typeof(BadHandles))]
    public void Accept_on_a_bad_handle_returns_OsInvalidSocket_with_the_error(BadHandle kind)
    {
        SkipFileHandleUnderWine(kind);
        Run(() =>
        {
            using var bad = BadHandles.Open(kind);
            AssertAcceptFails(bad.Handle, bad.SocketErrno);
        });
    }

    [Fact]
    public void Accept_on_a_socket_that_is_not_listening_fails_with_EINVAL() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        AssertAcceptFails(socket.Handle, NativeSocket.EINVAL);
    });

    [Fact]
    public void Accept_on_a_datagram_socket_fails_with_EOPNOTSUPP() => Run(() =>
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        AssertAcceptFails(socket.Handle, NativeSocket.EOPNOTSUPP);
    });

    [Fact]
    public void The_raw_Accept_with_an_address_but_no_length_fails_with_EFAULT_and_the_connection_is_dropped() => Run(() =>
    {
        using var listener = Loopback.ListenV4();
        using var peer = LoopbackPeers.ConnectTo(listener.Handle);
        Loopback.WaitForPendingConnection(listener.Handle);
        SockAddrStorage address;
        var client = NativeSocket.Accept(listener.Handle, (SockAddr*)&address, null);
        FailedWith(NativeSocket.EFAULT, client.Value);
    });

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]
    public void The_raw_Accept_with_a_too_small_length_accepts_and_gives_the_real_length(uint room) => Run(() =>
    {
        using var listener = Loopback.ListenV4();
        using var peer = LoopbackPeers.ConnectTo(listener.Handle);
        Loopback.WaitForPendingConnection(listener.Handle);
        SockAddrStorage address = default;
        SockLen length = room;
        if (OperatingSystem.IsWindows())
        {
            // Winsock refuses an address buffer too small for the peer's address instead of cutting it.
            FailedWith(NativeSocket.EFAULT, NativeSocket.Accept(listener.Handle, (SockAddr*)&address, &length).Value);
            return;
        }

        using var client = new OwnedSocket(NativeSocket.Accept(listener.Handle, (SockAddr*)&address, &length));
        Assert.False(client.Handle.IsInvalid);
        Assert.Equal((uint)sizeof(SockAddrIn), length.Value);
    });

    private static void AssertAcceptFails(SocketHandle handle, int errno)
    {
        foreach (var inheritable in BothWays)
        {
            var (client, address) = NativeSocket.Accept(handle, inheritable);
            FailedWith(errno, client.Value);
            Assert.Equal(string.Empty, address);

            var raw = NativeSocket.Accept(handle, out _, out var peerLength, inheritable);
            FailedWith(errno, raw.Value);
            Assert.Equal(default, peerLength);

            foreach (var blocking in BothWays)
            {
                var (moded, modedAddress) = NativeSocket.Accept(handle, inheritable, blocking);
                FailedWith(errno, moded.Value);
                Assert.Equal(string.Empty, modedAddress);

                var rawModed = NativeSocket.Accept(handle, out _, out var modedLength, inheritable, blocking);
                FailedWith(errno, rawModed.Value);
                Assert.Equal(default, modedLength);
            }
        }

        FailedWith(errno, NativeSocket.Accept(handle, null, null).Value);
    }
}
