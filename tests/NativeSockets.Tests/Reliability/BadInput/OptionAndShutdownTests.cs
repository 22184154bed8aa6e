using System;
using System.Runtime.InteropServices;
using System.Threading;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>
/// Shutdown (NativeSocket.Shutdown.cs), which reports by its result, and the raw and typed option calls
/// (NativeSocket.SocketOptionBuffers.cs, NativeSocket.TypedSocketOptions.cs), which throw OSErrorException
/// as GetSockOptInt does.
/// </summary>
[Collection(nameof(RunsAlone))]
public unsafe class OptionAndShutdownTests
{
    [Theory]
    [MemberData(nameof(BadHandles.All), MemberType = typeof(BadHandles))]
    public void Shutdown_on_a_bad_handle_returns_minus_one_with_the_error(BadHandle kind)
    {
        SkipFileHandleUnderWine(kind);
        Run(() =>
        {
            using var bad = BadHandles.Open(kind);
            FailedWith(bad.SocketErrno, NativeSocket.Shutdown(bad.Handle, ShutdownHow.Both));
            FailedWith(bad.SocketErrno, NativeSocket.Shutdown(bad.Handle, NativeSocket.SHUT_WR));
            bad.AssertNothingElseClosed();
        });
    }

    [Fact]
    public void Shutdown_of_a_socket_that_is_not_connected_fails_with_ENOTCONN() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        FailedWith(NativeSocket.ENOTCONN, NativeSocket.Shutdown(socket.Handle, ShutdownHow.Write));
    });

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Shutdown_with_a_value_outside_ShutdownHow_throws_naming_how(int how) => Run(() =>
    {
        using var pair = Connected.Tcp();
        ThrowsFor<ArgumentOutOfRangeException>("how", () => NativeSocket.Shutdown(pair.Native.Handle, (ShutdownHow)how));
        ThrowsFor<ArgumentOutOfRangeException>("how", () => NativeSocket.ToInt((ShutdownHow)how));
    });

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void Shutdown_with_a_number_the_platform_does_not_know_fails_with_EINVAL(int how) => Run(() =>
    {
        using var pair = Connected.Tcp();
        FailedWith(NativeSocket.EINVAL, NativeSocket.Shutdown(pair.Native.Handle, how));
    });

    [Theory]
    [MemberData(nameof(BadHandles.All), MemberType = typeof(BadHandles))]
    public void Option_calls_on_a_bad_handle_throw_the_errno(BadHandle kind)
    {
        SkipFileHandleUnderWine(kind);
        Run(() =>
        {
            using var bad = BadHandles.Open(kind);
            var socket = bad.Handle;
            var errno = bad.SocketErrno;
            var value = new byte[16];
            var level = NativeSocket.SOL_SOCKET;
            var name = NativeSocket.SO_RCVBUF;
            AssertErrno(errno, () => NativeSocket.GetSockOpt(socket, level, name, value));
            AssertErrno(errno, () => NativeSocket.SetSockOpt(socket, level, name, value.AsSpan(0, 4)));
            fixed (byte* bytes = value)
            {
                var pointer = bytes;
                AssertErrno(errno, () => NativeSocket.GetSockOpt(socket, level, name, pointer, 16));
                AssertErrno(errno, () => NativeSocket.SetSockOpt(socket, level, name, pointer, 4));
            }

            AssertErrno(errno, () => NativeSocket.GetLinger(socket));
            AssertErrno(errno, () => NativeSocket.SetLinger(socket, new Linger(true, 1)));
            AssertErrno(errno, () => NativeSocket.GetReceiveTimeout(socket));
            AssertErrno(errno, () => NativeSocket.SetReceiveTimeout(socket, TimeSpan.FromSeconds(1)));
            AssertErrno(errno, () => NativeSocket.GetSendTimeout(socket));
            AssertErrno(errno, () => NativeSocket.SetSendTimeout(socket, TimeSpan.FromSeconds(1)));
            bad.AssertNothingElseClosed();
        });
    }

    [Fact]
    public void The_raw_option_calls_refuse_a_null_pointer_with_a_length_and_a_negative_length() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        var level = NativeSocket.SOL_SOCKET;
        var name = NativeSocket.SO_RCVBUF;
        ThrowsFor<ArgumentNullException>("value", () => NativeSocket.GetSockOpt(socket.Handle, level, name, null, 4));
        ThrowsFor<ArgumentNullException>("value", () => NativeSocket.SetSockOpt(socket.Handle, level, name, null, 4));
        var value = 0;
        var pointer = &value;
        ThrowsFor<ArgumentOutOfRangeException>("length", () => NativeSocket.GetSockOpt(socket.Handle, level, name, pointer, -1));
        ThrowsFor<ArgumentOutOfRangeException>("length", () => NativeSocket.SetSockOpt(socket.Handle, level, name, pointer, -1));
        ThrowsFor<ArgumentOutOfRangeException>("length", () => NativeSocket.GetSockOpt(socket.Handle, level, name, null, int.MinValue));
    });

    [Fact]
    public void An_option_buffer_too_small_is_cut_on_POSIX_and_refused_by_Winsock_when_read() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        var expected = BitConverter.GetBytes(NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF));
        var small = new byte[2];
        if (OperatingSystem.IsWindows())
        {
            AssertErrno(NativeSocket.EFAULT, () => NativeSocket.GetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, small));
            AssertErrno(NativeSocket.EFAULT, () => NativeSocket.GetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, Span<byte>.Empty));
            return;
        }

        // qemu-user (7.2) writes a whole int into a shorter getsockopt buffer, and fails an empty one with EFAULT.
        Assert.SkipWhen(Environment.GetEnvironmentVariable("NATIVESOCKETS_EMULATOR") is { Length: > 0 }, "qemu-user writes a whole int for a short option buffer");
        Assert.Equal(2, NativeSocket.GetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, small));
        Assert.Equal(expected[..2], small);
        Assert.Equal(0, NativeSocket.GetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, Span<byte>.Empty));
        Assert.Equal(0, NativeSocket.GetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, null, 0));
    });

    [Fact]
    public void An_option_value_too_small_is_refused_when_set_and_the_option_is_unchanged() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        var before = NativeSocket.GetLinger(socket.Handle);
        // Winsock reads the length as the size of the buffer it may touch: WSAEFAULT, where POSIX says EINVAL.
        var tooShort = OperatingSystem.IsWindows() ? NativeSocket.EFAULT : NativeSocket.EINVAL;
        AssertErrno(tooShort, () => NativeSocket.SetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, new byte[2]));
        AssertErrno(tooShort, () => NativeSocket.SetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_LINGER, new byte[] { 1 }));
        AssertErrno(tooShort, () => NativeSocket.SetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_LINGER, ReadOnlySpan<byte>.Empty));
        Assert.Equal(before, NativeSocket.GetLinger(socket.Handle));
    });

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(-1)]
    public void A_negative_linger_time_throws_naming_seconds(int seconds) => Run(() =>
        ThrowsFor<ArgumentOutOfRangeException>("seconds", () => _ = new Linger(true, seconds)));

    [WindowsFact("Windows' l_linger is a u_short; POSIX's is an int")]
    public void A_linger_time_beyond_a_u_short_throws_naming_linger_on_Windows() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        ThrowsFor<ArgumentOutOfRangeException>("linger", () => NativeSocket.SetLinger(socket.Handle, new Linger(true, ushort.MaxValue + 1)));
        Assert.Equal(default, NativeSocket.GetLinger(socket.Handle));
        NativeSocket.SetLinger(socket.Handle, new Linger(true, ushort.MaxValue));
        Assert.Equal(new Linger(true, ushort.MaxValue), NativeSocket.GetLinger(socket.Handle));
    });

    public static TheoryData<TimeSpan> BadTimeouts => new(
        TimeSpan.FromMilliseconds(-2), TimeSpan.FromTicks(-1), TimeSpan.MinValue,
        TimeSpan.FromMilliseconds(int.MaxValue) + TimeSpan.FromTicks(1), TimeSpan.FromDays(365), TimeSpan.MaxValue);

    [Theory]
    [MemberData(nameof(BadTimeouts))]
    public void A_timeout_negative_or_beyond_int_MaxValue_milliseconds_throws_naming_timeout_and_changes_nothing(TimeSpan timeout) => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        NativeSocket.SetReceiveTimeout(socket.Handle, TimeSpan.FromSeconds(1));
        ThrowsFor<ArgumentOutOfRangeException>("timeout", () => NativeSocket.SetReceiveTimeout(socket.Handle, timeout));
        ThrowsFor<ArgumentOutOfRangeException>("timeout", () => NativeSocket.SetSendTimeout(socket.Handle, timeout));
        Assert.Equal(TimeSpan.FromSeconds(1), NativeSocket.GetReceiveTimeout(socket.Handle));
        Assert.Equal(Timeout.InfiniteTimeSpan, NativeSocket.GetSendTimeout(socket.Handle));
    });

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Raw_option_calls_with_an_option_the_level_does_not_know_throw_ENOPROTOOPT(int optname) => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        AssertErrno(NativeSocket.ENOPROTOOPT, () => NativeSocket.GetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, optname, new byte[4]));
        AssertErrno(NativeSocket.ENOPROTOOPT, () => NativeSocket.SetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, optname, new byte[4]));
    });

    private static void AssertErrno(int errno, Action call)
    {
        var exception = Assert.Throws<OSErrorException>(call);
        Assert.Equal(errno, exception.ErrorCode);
        Assert.Equal(PlatformErrors.Space, exception.Space);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(errno), exception.Message.Split('\n')[0]);
    }
}
