using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class SocketPairTests
{
    /// <summary>Makes a pair, failing the test with the errno if that fails; both ends owned.</summary>
    internal static (OwnedSocket First, OwnedSocket Second) Pair(
        SockType sockType = SockType.SOCK_STREAM, bool inheritable = false, bool nonBlocking = false)
    {
        var (first, second) = NativeSocket.SocketPair(Domain.AF_UNIX, sockType, Protocol.IPPROTO_NONE, inheritable, nonBlocking);
        var errno = Marshal.GetLastPInvokeError();
        Assert.False(first.IsInvalid || second.IsInvalid, $"SocketPair failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
        return (new OwnedSocket(first), new OwnedSocket(second));
    }

    [PosixTheory("Windows has no socketpair")]
    [InlineData(SockType.SOCK_STREAM)]
    [InlineData(SockType.SOCK_DGRAM)]
    [InlineData(SockType.SOCK_SEQPACKET)]
    public void The_two_ends_are_connected_to_each_other_both_ways(SockType sockType)
    {
        var (first, second) = Pair(sockType);
        using (first)
        using (second)
        {
            var buffer = new byte[8];
            Assert.Equal(3, NativeSocket.Send(first.Handle, new byte[] { 1, 2, 3 }));
            Assert.Equal(3, NativeSocket.Recv(second.Handle, buffer));
            Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);

            Assert.Equal(2, NativeSocket.Send(second.Handle, new byte[] { 9, 8 }));
            Assert.Equal(2, NativeSocket.Recv(first.Handle, buffer));
            Assert.Equal(new byte[] { 9, 8 }, buffer[..2]);

            Assert.Equal(Domain.AF_UNIX, NativeSocket.GetSockDomain(first.Handle));
            Assert.Equal(NativeSocket.ToInt(sockType), NativeSocket.GetSockOptInt(second.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_TYPE));
        }
    }

    [PosixFact("Windows has no socketpair")]
    public void The_defaults_are_an_AF_UNIX_stream_pair()
    {
        var (first, second) = NativeSocket.SocketPair();
        using var a = new OwnedSocket(first);
        using var b = new OwnedSocket(second);
        Assert.False(first.IsInvalid);
        Assert.Equal(Domain.AF_UNIX, NativeSocket.GetSockDomain(first));
        Assert.Equal(Native.SOCK_STREAM, NativeSocket.GetSockOptInt(second, NativeSocket.SOL_SOCKET, NativeSocket.SO_TYPE));
    }

    [PosixFact("reads FD_CLOEXEC with fcntl")]
    public void Neither_end_is_inherited_unless_asked()
    {
        var (first, second) = Pair();
        using (first)
        using (second)
        {
            Assert.True(Descriptors.IsCloseOnExec(first.Handle));
            Assert.True(Descriptors.IsCloseOnExec(second.Handle));
        }

        var (inheritedFirst, inheritedSecond) = Pair(inheritable: true);
        using (inheritedFirst)
        using (inheritedSecond)
        {
            Assert.False(Descriptors.IsCloseOnExec(inheritedFirst.Handle));
            Assert.False(Descriptors.IsCloseOnExec(inheritedSecond.Handle));
        }
    }

    [PosixFact("reads O_NONBLOCK with fcntl")]
    public void Both_ends_are_non_blocking_when_asked_and_blocking_otherwise()
    {
        var (first, second) = Pair(nonBlocking: true);
        using (first)
        using (second)
        {
            Assert.True(IsNonBlocking(first.Handle));
            Assert.True(IsNonBlocking(second.Handle));
            Assert.Equal(-1, NativeSocket.Recv(first.Handle, new byte[1]));
            Assert.Equal(NativeSocket.EAGAIN, NativeSocket.LastError);
        }

        var (blockingFirst, blockingSecond) = Pair();
        using (blockingFirst)
        using (blockingSecond)
        {
            Assert.False(IsNonBlocking(blockingFirst.Handle));
            Assert.False(IsNonBlocking(blockingSecond.Handle));
        }
    }

    [PosixFact("Windows has no socketpair")]
    public void An_inheritable_pair_drops_a_SOCK_CLOEXEC_passed_in_the_type()
    {
        Assert.SkipUnless(Native.Defined.SOCK_CLOEXEC, "the platform has no SOCK_CLOEXEC");
        var (first, second) = NativeSocket.SocketPair(Native.AF_UNIX, Native.SOCK_STREAM | Native.SOCK_CLOEXEC, 0, inheritable: true);
        using var a = new OwnedSocket(first);
        using var b = new OwnedSocket(second);
        Assert.False(Descriptors.IsCloseOnExec(first));
        Assert.False(Descriptors.IsCloseOnExec(second));
    }

    [PosixFact("Windows has no socketpair")]
    public void A_family_without_pairs_gives_two_invalid_handles_and_the_errno()
    {
        // TCP has no pairs: Linux answers EOPNOTSUPP, the BSDs EOPNOTSUPP or EPROTONOSUPPORT.
        var (first, second) = NativeSocket.SocketPair(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP);
        var errno = NativeSocket.LastError;
        Assert.True(first.IsInvalid);
        Assert.True(second.IsInvalid);
        Assert.Contains(errno, new[] { NativeSocket.EOPNOTSUPP, NativeSocket.EPROTONOSUPPORT, NativeSocket.EAFNOSUPPORT });
    }

    [WindowsFact("Windows has no socketpair: the call says so")]
    public void On_Windows_SocketPair_is_not_supported()
    {
        var error = Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.SocketPair());
        Assert.Contains("socketpair", error.Message, StringComparison.Ordinal);
    }

    private static bool IsNonBlocking(SocketHandle handle) =>
        (Native.fcntl(checked((int)handle.Value), Native.F_GETFL, 0) & Native.O_NONBLOCK) != 0;
}
