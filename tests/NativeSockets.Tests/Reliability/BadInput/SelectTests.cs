using System;
using System.Collections.Generic;
using System.Linq;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>SelectRead and SelectWrite (NativeSocket.Select.cs) with bad lists, handles and timeouts.</summary>
[Collection(nameof(RunsAlone))]
public class SelectTests
{
    private static readonly Func<List<SocketHandle>, int, int>[] Selects = [NativeSocket.SelectRead, NativeSocket.SelectWrite];

    [Fact]
    public void A_null_list_throws_naming_it() => Run(() =>
    {
        ThrowsFor<ArgumentNullException>("readfds", () => NativeSocket.SelectRead(null!, 0));
        ThrowsFor<ArgumentNullException>("writefds", () => NativeSocket.SelectWrite(null!, 0));
    });

    [Fact]
    public void An_empty_list_with_no_time_limit_throws_instead_of_waiting_for_ever() => Run(() =>
    {
        Assert.Contains("never return", ThrowsFor<ArgumentException>("readfds", () => NativeSocket.SelectRead([], -1)).Message, StringComparison.Ordinal);
        Assert.Contains("never return", ThrowsFor<ArgumentException>("writefds", () => NativeSocket.SelectWrite([], -1)).Message, StringComparison.Ordinal);
    });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void An_empty_list_with_a_time_limit_returns_0(int timeout) => Run(() =>
    {
        foreach (var select in Selects)
        {
            var handles = new List<SocketHandle>();
            Assert.Equal(0, select(handles, timeout));
            Assert.Empty(handles);
        }
    });

    [Theory]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void A_negative_timeout_throws_naming_it_and_keeps_the_list(int timeout) => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        foreach (var select in Selects)
        {
            foreach (var handles in new[] { new List<SocketHandle>(), new List<SocketHandle> { socket.Handle } })
            {
                var count = handles.Count;
                ThrowsFor<ArgumentOutOfRangeException>("timeout", () => select(handles, timeout));
                Assert.Equal(count, handles.Count);
            }
        }
    });

    [Theory]
    [MemberData(nameof(BadHandles.NotOpen), MemberType = typeof(BadHandles))]
    public void A_handle_that_is_not_open_gives_minus_1_with_EBADF_and_the_list_untouched(BadHandle kind) => Run(() =>
    {
        using var bad = BadHandles.Open(kind);
        using var good = OwnedSocket.Create();
        foreach (var select in Selects)
        {
            var handles = new List<SocketHandle> { good.Handle, bad.Handle, good.Handle };
            var copy = handles.ToList();
            FailedWith(PlatformErrors.NotOpen, select(handles, 0));
            Assert.Equal(copy, handles);
        }
    });

    [PosixFact("polls a descriptor that is not a socket; WSAPoll takes sockets only")]
    public void A_descriptor_that_is_not_a_socket_is_polled_like_any_other() => Run(() =>
    {
        using var devNull = BadHandles.Open(BadHandle.NotASocket);
        foreach (var select in Selects)
        {
            var handles = new List<SocketHandle> { devNull.Handle };
            Assert.Equal(1, select(handles, 0));
            Assert.Equal([devNull.Handle], handles);
        }
    });

    [PosixFact("the limit is RLIMIT_NOFILE, read with getrlimit")]
    public void A_list_longer_than_the_descriptor_limit_gives_minus_1_with_EINVAL_and_the_list_untouched() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        using var limit = DescriptorLimit.AtMost(1 << 20);
        var length = checked((int)DescriptorLimit.Soft + 1);
        var handles = Enumerable.Repeat(socket.Handle, length).ToList();
        FailedWith(NativeSocket.EINVAL, NativeSocket.SelectRead(handles, 0));
        Assert.Equal(length, handles.Count);
    });

    [Fact]
    public void A_huge_list_of_one_socket_is_pruned_and_counted_once() => Run(() =>
    {
        using var connected = Connected.Tcp();
        // Scaled down under Wine, whose WSAPoll is quadratic in the number of entries (10,000 take minutes
        // there); 1,000 is still far past the entries that fit on the stack.
        var length = RunningPlatform.IsWine ? 1_000 : 10_000;
        var handles = Enumerable.Repeat(connected.Native.Handle, length).ToList();
        Assert.Equal(1, NativeSocket.SelectWrite(handles, 0));
        Assert.Equal(length, handles.Count);
        Assert.Equal(0, NativeSocket.SelectRead(handles, 0));
        Assert.Empty(handles);
    });
}
