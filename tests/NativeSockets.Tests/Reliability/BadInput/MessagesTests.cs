using System;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>
/// SocketPair, SendMsg, RecvMsg, SendHandles, RecvHandles and the CMSG_* macros (NativeSocket.SocketPair.cs,
/// NativeSocket.Messages.cs, NativeSocket.ControlMessages.cs): bad handles, null pointers, bad lengths and
/// too-small spans give -1 with the errno or a clear exception, and no descriptor stays open.
/// </summary>
[Collection(nameof(RunsAlone))]
public unsafe class MessagesTests
{
    private static readonly int[] TooLittleRoom = [0, 1, 2];

    [PosixTheory("Windows has no socketpair")]
    [InlineData(-1, 0, 0, "domain")]
    [InlineData(0, 99, 0, "sockType")]
    [InlineData(0, 1, int.MinValue, "protocol")]
    public void SocketPair_with_a_value_outside_its_enum_throws_naming_it(int domain, int sockType, int protocol, string argument) => Run(() =>
        ThrowsFor<ArgumentOutOfRangeException>(argument, () => NativeSocket.SocketPair((Domain)domain, (SockType)sockType, (Protocol)protocol)));

    [PosixTheory("Windows has no socketpair")]
    [MemberData(nameof(LifetimeTests.BadNumbers), MemberType = typeof(LifetimeTests))]
    public void SocketPair_with_numbers_the_system_rejects_gives_two_invalid_handles_with_the_error(int domain, int sockType, int protocol) => Run(() =>
    {
        foreach (var inheritable in BothWays)
        {
            foreach (var blocking in BothWays)
            {
                var (first, second) = NativeSocket.SocketPair(domain, sockType, protocol, inheritable, blocking);
                var errno = NativeSocket.LastError;
                Assert.True(first.IsInvalid && second.IsInvalid);
                Assert.Contains(errno, new[]
                {
                    NativeSocket.EAFNOSUPPORT, NativeSocket.EINVAL, NativeSocket.EPROTONOSUPPORT, NativeSocket.ESOCKTNOSUPPORT,
                    NativeSocket.EPROTOTYPE, NativeSocket.EOPNOTSUPP,
                });
            }
        }
    });

    [PosixTheory("Windows has no sendmsg/recvmsg")]
    [MemberData(nameof(BadHandles.All), MemberType = typeof(BadHandles))]
    public void Every_message_call_on_a_bad_handle_returns_minus_1(BadHandle kind) => Run(() =>
    {
        using var bad = BadHandles.Open(kind);
        var errno = bad.SocketErrno;
        byte data = 1;
        var vector = new IoVec { iov_base = &data, iov_len = 1 };
        MsgHdr message = default;
        message.msg_iov = &vector;
        message.msg_iovlen = 1;
        FailedWith(errno, NativeSocket.SendMsg(bad.Handle, &message, 0));
        FailedWith(errno, NativeSocket.RecvMsg(bad.Handle, &message, 0));
        FailedWith(errno, NativeSocket.SendHandles(bad.Handle, new byte[] { 1 }, [bad.Handle]));
        var handles = new SocketHandle[2];
        FailedWith(errno, NativeSocket.RecvHandles(bad.Handle, new byte[1], handles, out var count));
        Assert.Equal(0, count);
        Assert.Equal(new SocketHandle[2], handles);
    });

    [PosixTheory("Windows cannot pass handles over a socket")]
    [MemberData(nameof(BadHandles.NotOpen), MemberType = typeof(BadHandles))]
    public void SendHandles_of_a_handle_that_is_not_open_fails_with_EBADF_and_sends_nothing(BadHandle kind) => Run(() =>
    {
        using var bad = BadHandles.Open(kind);
        var (first, second) = SocketPairTests.Pair(SockType.SOCK_DGRAM, blocking: false);
        using (first)
        using (second)
        using (var good = OwnedSocket.Create())
        {
            FailedWith(NativeSocket.EBADF, NativeSocket.SendHandles(first.Handle, new byte[] { 1 }, [good.Handle, bad.Handle]));
            FailedWith(NativeSocket.EAGAIN, NativeSocket.RecvHandles(second.Handle, new byte[1], new SocketHandle[2], out var count));
            Assert.Equal(0, count);
        }
    });

    [PosixFact("Windows cannot pass handles over a socket")]
    public void Handles_that_arrive_with_no_room_or_too_little_are_closed_and_reported_as_EMSGSIZE() => Run(() =>
    {
        // qemu-user converts control messages itself and reports this truncated SCM_RIGHTS message as whole
        // (no MSG_CTRUNC; seen in .ci/arm64: the call returned the byte); the kernel's answer is checked natively.
        Assert.SkipWhen(Environment.GetEnvironmentVariable("NATIVESOCKETS_EMULATOR") is { Length: > 0 }, "qemu-user does not report a truncated SCM_RIGHTS message");
        var (first, second) = SocketPairTests.Pair(SockType.SOCK_DGRAM);
        using (first)
        using (second)
        using (var passed = OwnedSocket.Create())
        {
            foreach (var room in TooLittleRoom)
            {
                Assert.Equal(1, NativeSocket.SendHandles(first.Handle, new byte[] { 1 }, [passed.Handle, passed.Handle, passed.Handle]));
                var handles = new SocketHandle[room];
                FailedWith(NativeSocket.EMSGSIZE, NativeSocket.RecvHandles(second.Handle, new byte[1], handles, out var count));
                Assert.Equal(0, count);
                Assert.All(handles, h => Assert.True(h.IsInvalid || h == default));
            }
        }
    });

    [PosixFact("Windows has no sendmsg/recvmsg")]
    public void A_null_message_fails_with_EFAULT_and_a_null_buffer_in_it_likewise() => Run(() =>
    {
        var (first, second) = SocketPairTests.Pair();
        using (first)
        using (second)
        {
            FailedWith(NativeSocket.EFAULT, NativeSocket.SendMsg(first.Handle, null, 0));
            FailedWith(NativeSocket.EFAULT, NativeSocket.RecvMsg(second.Handle, null, 0));

            var vector = new IoVec { iov_base = null, iov_len = 16 };
            MsgHdr message = default;
            message.msg_iov = &vector;
            message.msg_iovlen = 1;
            FailedWith(NativeSocket.EFAULT, NativeSocket.SendMsg(first.Handle, &message, NativeSocket.MSG_NOSIGNAL));
        }
    });

    [PosixFact("Windows has no sendmsg/recvmsg")]
    public void More_buffers_than_the_system_takes_fail_with_EMSGSIZE() => Run(() =>
    {
        var (first, second) = SocketPairTests.Pair();
        using (first)
        using (second)
        {
            MsgHdr message = default;
            message.msg_iovlen = 100_000;
            FailedWith(NativeSocket.EMSGSIZE, NativeSocket.SendMsg(first.Handle, &message, 0));
            FailedWith(NativeSocket.EMSGSIZE, NativeSocket.RecvMsg(second.Handle, &message, 0));
        }
    });

    [PosixFact("Windows cannot pass handles over a socket")]
    public void A_handle_list_longer_than_any_control_message_throws_naming_handles() => Run(() =>
    {
        var (first, second) = SocketPairTests.Pair();
        using (first)
        using (second)
        {
            // Spans over no memory: never read, the length is refused first.
            var handle = first.Handle;
            ThrowsFor<ArgumentOutOfRangeException>("handles", () => NativeSocket.SendHandles(handle, new byte[1], new ReadOnlySpan<SocketHandle>((void*)sizeof(SocketHandle), int.MaxValue / 4)));
            ThrowsFor<ArgumentOutOfRangeException>("handles", () => NativeSocket.RecvHandles(handle, new byte[1], new Span<SocketHandle>((void*)sizeof(SocketHandle), int.MaxValue / 4), out _));
        }
    });

    [PosixTheory("Windows has no control messages of this form")]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MaxValue - 8)]
    public void A_control_data_length_out_of_range_throws_naming_dataLength(int length) => Run(() =>
    {
        ThrowsFor<ArgumentOutOfRangeException>("dataLength", () => NativeSocket.CmsgLen(length));
        ThrowsFor<ArgumentOutOfRangeException>("dataLength", () => NativeSocket.CmsgSpace(length));
    });

    [PosixFact("Windows has no control messages of this form")]
    public void The_CMSG_walkers_refuse_null_pointers_naming_them() => Run(() =>
    {
        CmsgHdr header = default;
        var address = (nint)(&header);
        ThrowsFor<ArgumentNullException>("header", () => NativeSocket.CmsgData(null));
        ThrowsFor<ArgumentNullException>("message", () => NativeSocket.CmsgFirstHdr(null));
        ThrowsFor<ArgumentNullException>("message", () => NativeSocket.CmsgNextHdr(null, (CmsgHdr*)address));
    });

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void FromErrorCode_of_any_code_makes_an_exception_with_a_message(int code) => Run(() =>
    {
        var error = OSErrorException.FromErrorCode(code, "saved");
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(NativeSocket.LastErrorSpace, error.Space);
        Assert.Contains("Additional info: saved", error.Message, StringComparison.Ordinal);
    });

    [Theory]
    [InlineData(-1, 1, 1, "domain")]
    [InlineData(0, 99, 1, "sockType")]
    [InlineData(0, 1, int.MinValue, "protocol")]
    public void GetAddrInfo_of_null_with_a_value_outside_its_enum_throws_naming_it(int domain, int sockType, int protocol, string argument) => Run(() =>
    {
        ThrowsFor<ArgumentOutOfRangeException>(argument, () => NativeSocket.GetAddrInfo(null, new Port(80), (Domain)domain, (SockType)sockType, (Protocol)protocol));
        ThrowsFor<ArgumentOutOfRangeException>(argument, () => NativeSocket.EnumerateAddrInfo(null, new Port(80), (Domain)domain, (SockType)sockType, (Protocol)protocol));
    });

    [WindowsFact("Windows has neither socketpair nor sendmsg/recvmsg: every call says so before it looks at its arguments")]
    public void On_Windows_every_message_call_throws_PlatformNotSupportedException() => Run(() =>
    {
        Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.SocketPair(-1, -1, -1));
        Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.SendMsg(NativeSocket.OsInvalidSocket, null, 0));
        Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.RecvMsg(NativeSocket.OsInvalidSocket, null, 0));
        Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.SendHandles(NativeSocket.OsInvalidSocket, default, default));
        Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.RecvHandles(NativeSocket.OsInvalidSocket, default, default, out _));
        Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.CmsgLen(-1));
        Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.CmsgSpace(0));
    });
}
