using System;
using NativeSockets.Selectors;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Selectors;

/// <summary>Misuse of a selector: each a clear exception naming the argument, or the system's code; the table stays right.</summary>
public abstract partial class SelectorContractTests
{
    [Theory]
    [MemberData(nameof(BadHandles.All), MemberType = typeof(BadHandles))]
    public void Registering_a_handle_that_is_not_an_open_socket_fails_with_the_system_code_and_registers_nothing(BadHandle kind)
    {
        Assert.SkipWhen(RunningPlatform.IsWine && kind == BadHandle.NotASocket, "Wine 8 answers WSAEOPNOTSUPP or WSAEINVAL for a file handle where Windows documents WSAENOTSOCK");
        using var selector = CreateSelector();
        using var bad = BadHandles.Open(kind);

        var error = Assert.Throws<OSErrorException>(() => selector.RegisterHandle(bad.Handle, Event.Read, 1));
        Assert.Equal(bad.SocketErrno, error.ErrorCode);
        Assert.True(selector.IsEmpty);
        Assert.False(selector.Contains(bad.Handle));
    }

    [Fact]
    public void Registering_a_socket_twice_is_refused_naming_fd_and_keeps_the_first_data()
    {
        using var selector = CreateSelector();
        using var socket = OwnedSocket.Create();
        selector.RegisterHandle(socket.Handle, Event.Read, 1);

        var error = Assert.Throws<ArgumentException>(() => selector.RegisterHandle(socket.Handle, Event.Write, 2));
        Assert.Equal("fd", error.ParamName);
        Assert.Equal(1, selector.GetData(socket.Handle));
    }

    [Fact]
    public void An_unknown_handle_is_refused_naming_fd()
    {
        using var selector = CreateSelector();
        using var socket = OwnedSocket.Create();

        Assert.Equal("fd", Assert.Throws<ArgumentException>(() => selector.UpdateHandle(socket.Handle, Event.Read)).ParamName);
        Assert.Equal("fd", Assert.Throws<ArgumentException>(() => selector.Unregister(socket.Handle)).ParamName);
        Assert.Equal("fd", Assert.Throws<ArgumentException>(() => selector.GetData(socket.Handle)).ParamName);
        Assert.Equal("fd", Assert.Throws<ArgumentException>(() => selector.Unregister(-12345)).ParamName);
    }

    [Theory]
    [InlineData(Event.Timer)]
    [InlineData(Event.User)]
    [InlineData(Event.Error)]
    [InlineData(Event.Read | Event.Timer)]
    [InlineData((Event)(1 << 10))]
    public void Events_a_socket_cannot_watch_are_refused_naming_events(Event events)
    {
        using var selector = CreateSelector();
        using var socket = OwnedSocket.Create();
        Assert.Equal("events", Assert.Throws<ArgumentException>(() => selector.RegisterHandle(socket.Handle, events, 1)).ParamName);
        Assert.True(selector.IsEmpty);

        selector.RegisterHandle(socket.Handle, Event.Read, 1);
        Assert.Equal("events", Assert.Throws<ArgumentException>(() => selector.UpdateHandle(socket.Handle, events)).ParamName);
    }

    [Fact]
    public void A_timer_or_event_is_not_a_socket_to_update()
    {
        using var selector = CreateSelector();
        var id = selector.RegisterTimer(10_000, oneshot: true, 1);
        Assert.Equal("fd", Assert.Throws<ArgumentException>(() => selector.UpdateHandle(new SocketHandle(id), Event.Read)).ParamName);
    }

    [Fact]
    public void Bad_waits_are_refused_naming_the_argument()
    {
        using var selector = CreateSelector();
        var keys = new ReadyKey[4];

        Assert.Equal("timeout", Assert.Throws<ArgumentOutOfRangeException>(() => selector.SelectInto(-2, keys)).ParamName);
        Assert.Equal("timeout", Assert.Throws<ArgumentOutOfRangeException>(() => selector.Select(int.MinValue)).ParamName);
        Assert.Equal("results", Assert.Throws<ArgumentException>(() => selector.SelectInto(0, Span<ReadyKey>.Empty)).ParamName);
        Assert.Equal("timeout", Assert.Throws<ArgumentOutOfRangeException>(() => selector.RegisterTimer(0, oneshot: true, 1)).ParamName);
        Assert.Equal("timeout", Assert.Throws<ArgumentOutOfRangeException>(() => selector.RegisterTimer(-1, oneshot: false, 1)).ParamName);
        Assert.True(selector.IsEmpty);
    }

    [Fact]
    public void Bad_user_events_are_refused_naming_ev()
    {
        using var selector = CreateSelector();
        var ev = new SelectEvent();
        Assert.Equal("ev", Assert.Throws<ArgumentNullException>(() => selector.RegisterEvent(null!, 1)).ParamName);
        Assert.Equal("ev", Assert.Throws<ArgumentNullException>(() => selector.Unregister((SelectEvent)null!)).ParamName);
        Assert.Equal("ev", Assert.Throws<ArgumentException>(() => selector.Unregister(ev)).ParamName);

        selector.RegisterEvent(ev, 1);
        Assert.Equal("ev", Assert.Throws<ArgumentException>(() => selector.RegisterEvent(ev, 2)).ParamName);

        ev.Close();
        Assert.Throws<ObjectDisposedException>(ev.Trigger);
        Assert.Throws<ObjectDisposedException>(() => selector.RegisterEvent(new SelectEvent().ClosedForTest(), 3));
        selector.Unregister(ev);
        Assert.True(selector.IsEmpty);
    }

    [Fact]
    public void Unregistering_a_socket_closed_before_fails_with_EBADF_and_removes_the_registration()
    {
        using var selector = CreateSelector();
        var socket = Descriptors.CreateHigh();
        var handle = socket.Handle;
        selector.RegisterHandle(handle, Event.Read, 1);
        socket.Dispose();

        var error = Assert.Throws<OSErrorException>(() => selector.Unregister(handle));
        Assert.Equal(PlatformErrors.NotOpen, error.ErrorCode);
        Assert.False(selector.Contains(handle));
        Assert.True(selector.IsEmpty);
        Assert.Empty(Wait(selector, 0));
    }

    [Fact]
    public void Every_member_of_a_closed_selector_throws_ObjectDisposedException()
    {
        var selector = CreateSelector();
        using var socket = OwnedSocket.Create();
        using var ev = new SelectEvent();
        selector.RegisterEvent(ev, 1);
        selector.Close();
        selector.Dispose();

        Assert.Throws<ObjectDisposedException>(() => selector.RegisterHandle(socket.Handle, Event.Read, 1));
        Assert.Throws<ObjectDisposedException>(() => selector.UpdateHandle(socket.Handle, Event.Read));
        Assert.Throws<ObjectDisposedException>(() => selector.Unregister(socket.Handle));
        Assert.Throws<ObjectDisposedException>(() => selector.Unregister(ev));
        Assert.Throws<ObjectDisposedException>(() => selector.RegisterEvent(ev, 1));
        Assert.Throws<ObjectDisposedException>(() => selector.RegisterTimer(10, oneshot: true, 1));
        Assert.Throws<ObjectDisposedException>(() => selector.SelectInto(0, new ReadyKey[1]));
        Assert.Throws<ObjectDisposedException>(() => selector.Select(0));
        Assert.Throws<ObjectDisposedException>(() => selector.Contains(socket.Handle));
        Assert.Throws<ObjectDisposedException>(() => selector.GetData(socket.Handle));
        Assert.Throws<ObjectDisposedException>(() => selector.TryGetData(socket.Handle, out _));
        Assert.Throws<ObjectDisposedException>(() => selector.SetData(socket.Handle, 1));
        Assert.Throws<ObjectDisposedException>(() => selector.IsEmpty);
        Assert.Throws<ObjectDisposedException>(() => selector.GetFd());

        // The event no longer knows the selector: triggering it is harmless.
        ev.Trigger();
    }
}

/// <summary>Test shorthand.</summary>
internal static class SelectEventTestExtensions
{
    public static SelectEvent ClosedForTest(this SelectEvent ev)
    {
        ev.Close();
        return ev;
    }
}
