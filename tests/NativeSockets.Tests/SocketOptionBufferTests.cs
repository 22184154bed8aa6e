using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>The raw option calls and the linger and timeout helpers: NativeSocket.SocketOptionBuffers.cs, NativeSocket.TypedSocketOptions.cs.</summary>
public unsafe class SocketOptionBufferTests
{
    [Fact]
    public void GetSockOpt_into_a_span_reads_an_int_option_and_returns_its_length()
    {
        using var socket = OwnedSocket.Create();
        Span<byte> value = stackalloc byte[16];

        var written = NativeSocket.GetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, value);

        Assert.Equal(sizeof(int), written);
        Assert.Equal(NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF), BitConverter.ToInt32(value[..4]));
    }

    [Fact]
    public void SetSockOpt_from_a_span_sets_what_GetSockOptInt_reads()
    {
        using var socket = OwnedSocket.Create();
        NativeSocket.SetSockOpt(socket.Handle, NativeSocket.IPPROTO_TCP, NativeSocket.TCP_NODELAY, BitConverter.GetBytes(1));
        Assert.Equal(1, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.IPPROTO_TCP, NativeSocket.TCP_NODELAY));
    }

    [Fact]
    public void The_pointer_forms_read_and_write_a_struct_option_in_the_platforms_layout()
    {
        using var socket = OwnedSocket.Create();
        using var view = socket.View();
        var storage = stackalloc long[2];
        var linger = new Native.linger(storage) { l_onoff = 1, l_linger = 9 };

        NativeSocket.SetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_LINGER, storage, Native.linger.Size);
        Assert.True(view.LingerState!.Enabled);
        Assert.Equal(9, view.LingerState.LingerTime);

        storage[0] = storage[1] = 0;
        Assert.Equal(Native.linger.Size, NativeSocket.GetSockOpt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_LINGER, storage, 16));
        Assert.NotEqual(0, linger.l_onoff);
        Assert.Equal(9, linger.l_linger);
    }

    [Fact]
    public void Linger_is_off_on_a_new_socket_and_SetLinger_sets_what_System_Net_reads()
    {
        using var socket = OwnedSocket.Create();
        using var view = socket.View();
        Assert.Equal(new Linger(false, 0), NativeSocket.GetLinger(socket.Handle));

        NativeSocket.SetLinger(socket.Handle, new Linger(true, 7));

        Assert.True(view.LingerState!.Enabled);
        Assert.Equal(7, view.LingerState.LingerTime);
        Assert.Equal(new Linger(true, 7), NativeSocket.GetLinger(socket.Handle));
    }

    [Fact]
    public void GetLinger_reads_what_System_Net_set()
    {
        using var socket = OwnedSocket.Create();
        using var view = socket.View();
        view.LingerState = new LingerOption(true, 12);
        Assert.Equal(new Linger(true, 12), NativeSocket.GetLinger(socket.Handle));
    }

    [Fact]
    public void Linger_on_with_zero_seconds_makes_Close_reset_the_connection()
    {
        using var pair = Connected.Tcp();
        NativeSocket.SetLinger(pair.Native.Handle, new Linger(true, 0));

        NativeSocket.Close(pair.Native.Release());

        pair.Peer.ReceiveTimeout = 10_000;
        var error = Assert.Throws<SocketException>(() => pair.Peer.Receive(new byte[1]));
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }

    [Fact]
    public void The_receive_timeout_set_is_the_one_read_back()
    {
        // System.Net's ReceiveTimeout reads back its own copy, not the socket's, so it cannot judge here.
        using var socket = OwnedSocket.Create();
        Assert.Equal(Timeout.InfiniteTimeSpan, NativeSocket.GetReceiveTimeout(socket.Handle));

        NativeSocket.SetReceiveTimeout(socket.Handle, TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), NativeSocket.GetReceiveTimeout(socket.Handle));
    }

    [Fact]
    public void The_send_timeout_set_is_the_one_read_back()
    {
        using var socket = OwnedSocket.Create();
        Assert.Equal(Timeout.InfiniteTimeSpan, NativeSocket.GetSendTimeout(socket.Handle));

        NativeSocket.SetSendTimeout(socket.Handle, TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), NativeSocket.GetSendTimeout(socket.Handle));
    }

    [Fact]
    public void The_timeouts_read_what_System_Net_set()
    {
        using var socket = OwnedSocket.Create();
        using var view = socket.View();
        view.ReceiveTimeout = 2000;
        view.SendTimeout = 2500;
        Assert.Equal(TimeSpan.FromSeconds(2), NativeSocket.GetReceiveTimeout(socket.Handle));
        Assert.Equal(TimeSpan.FromMilliseconds(2500), NativeSocket.GetSendTimeout(socket.Handle));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Zero_and_infinite_both_clear_the_timeout(long milliseconds)
    {
        using var socket = OwnedSocket.Create();
        NativeSocket.SetReceiveTimeout(socket.Handle, TimeSpan.FromSeconds(1));

        NativeSocket.SetReceiveTimeout(socket.Handle, TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(Timeout.InfiniteTimeSpan, NativeSocket.GetReceiveTimeout(socket.Handle));
    }

    [Fact]
    public void A_timeout_of_one_tick_is_rounded_up_and_never_becomes_no_timeout()
    {
        using var socket = OwnedSocket.Create();
        NativeSocket.SetSendTimeout(socket.Handle, TimeSpan.FromTicks(1));

        var read = NativeSocket.GetSendTimeout(socket.Handle);
        Assert.NotEqual(Timeout.InfiniteTimeSpan, read);
        Assert.True(read > TimeSpan.Zero && read <= TimeSpan.FromMilliseconds(20), $"read back {read}");
    }

    [Fact]
    public void A_blocking_receive_gives_up_after_the_receive_timeout()
    {
        using var pair = Connected.Tcp();
        NativeSocket.SetReceiveTimeout(pair.Native.Handle, TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        Assert.Equal(-1, NativeSocket.Recv(pair.Native.Handle, new byte[1]));

        // POSIX reports the timeout as EAGAIN, Winsock as WSAETIMEDOUT.
        Assert.Equal(OperatingSystem.IsWindows() ? NativeSocket.ETIMEDOUT : NativeSocket.EAGAIN, NativeSocket.LastError);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150), $"gave up after {clock.Elapsed}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {clock.Elapsed}");
    }

    [Fact]
    public void The_longest_timeout_is_accepted()
    {
        using var socket = OwnedSocket.Create();
        NativeSocket.SetReceiveTimeout(socket.Handle, TimeSpan.FromMilliseconds(int.MaxValue));
        Assert.True(NativeSocket.GetReceiveTimeout(socket.Handle) >= TimeSpan.FromDays(24), $"read back {NativeSocket.GetReceiveTimeout(socket.Handle)}");
    }

    [Fact]
    public void Linger_values_compare_and_print_by_their_settings()
    {
        Assert.Equal(new Linger(true, 5), new Linger(true, 5));
        Assert.True(new Linger(true, 5) != new Linger(false, 5));
        Assert.Equal(default, new Linger(false, 0));
        Assert.Equal("on, 5 s", new Linger(true, 5).ToString());
        Assert.Equal(new Linger(true, 5).GetHashCode(), new Linger(true, 5).GetHashCode());
    }
}
