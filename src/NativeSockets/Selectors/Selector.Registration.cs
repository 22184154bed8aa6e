using System;
using NativeSockets.Interop;

namespace NativeSockets.Selectors;

public sealed partial class Selector<T>
{
    private const Event SocketInterest = Event.Read | Event.Write;

    /// <summary>
    /// Nim's <c>registerHandle</c>: watches the socket <paramref name="fd"/> for <paramref name="events"/>
    /// (Read and/or Write, level-triggered; with <see cref="Event.Oneshot"/> reported once, then watching
    /// nothing until <see cref="UpdateHandle"/>) and keeps <paramref name="data"/> for it. As in Nim an empty
    /// set registers the socket and its data, watching nothing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="events"/> holds something other than Read, Write and Oneshot, or <paramref name="fd"/> is already registered.</exception>
    /// <exception cref="OSErrorException"><paramref name="fd"/> is not an open socket (EBADF, ENOTSOCK; WSAENOTSOCK on Windows), or the system refused it.</exception>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public void RegisterHandle(SocketHandle fd, Event events, T data)
    {
        CheckSocketEvents(events);

        // Every backend then gets a socket: epoll would take a pipe, poll a file, AFD neither.
        ThrowUnlessOpenSocket(fd);
        lock (_lock)
        {
            ThrowIfDisposed();
            if (_table.TryFind(fd.Value, out _))
            {
                throw new ArgumentException($"Handle {fd.Value} is already registered with this selector; UpdateHandle changes its events.", nameof(fd));
            }

            var slot = _table.Add(fd.Value, RegistrationKind.Socket, data);
            ref var registration = ref _table[slot];
            registration.Interest = events & SocketInterest;
            registration.Oneshot = (events & Event.Oneshot) != 0;
            try
            {
                _backend.Add(fd, _table.TokenOf(slot), registration.Interest);
            }
            catch
            {
                _table.Remove(slot);
                throw;
            }
        }
    }

    /// <summary>
    /// Nim's <c>updateHandle</c>: replaces what the socket <paramref name="fd"/> is watched for (Read and/or
    /// Write, with <see cref="Event.Oneshot"/> to be reported once; empty: watch nothing, keep the data).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="events"/> holds something other than Read, Write and Oneshot, or <paramref name="fd"/> is not a registered socket.</exception>
    /// <exception cref="OSErrorException">The system refused the change (EBADF: the socket was closed).</exception>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public void UpdateHandle(SocketHandle fd, Event events)
    {
        CheckSocketEvents(events);
        lock (_lock)
        {
            var slot = FindSlot(fd, nameof(fd));
            ref var registration = ref _table[slot];
            if (registration.Kind != RegistrationKind.Socket)
            {
                throw new ArgumentException($"{fd.Value} is a timer or user event, not a socket.", nameof(fd));
            }

            _backend.Modify(fd, _table.TokenOf(slot), events & SocketInterest);
            registration.Interest = events & SocketInterest;
            registration.Oneshot = (events & Event.Oneshot) != 0;
        }
    }

    /// <summary>
    /// Nim's <c>unregister</c>: removes the registration of <paramref name="fd"/>, a socket, a timer id
    /// (<see cref="RegisterTimer"/>) or a user event's <see cref="SelectEvent.Id"/>. The socket stays open.
    /// Unregister a socket before closing it: for a closed one the registration is removed all the same, then
    /// the system's error is thrown.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="fd"/> is not registered.</exception>
    /// <exception cref="OSErrorException">The socket was closed before it was unregistered (EBADF); the registration is gone.</exception>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public void Unregister(SocketHandle fd)
    {
        SelectEvent? userEvent = null;
        ulong token;
        lock (_lock)
        {
            var slot = FindSlot(fd, nameof(fd));
            ref var registration = ref _table[slot];
            token = _table.TokenOf(slot);
            var kind = registration.Kind;
            userEvent = registration.UserEvent;
            if (kind == RegistrationKind.Timer && registration.Deadline != long.MaxValue)
            {
                _liveTimers--;
            }

            // Removed first, so the table is right even when the system refuses below.
            _table.Remove(slot);
            if (kind == RegistrationKind.Socket)
            {
                _backend.Remove(fd, token);
                if (!_backend.RemoveReportsClosedSockets)
                {
                    // A socket closed before: reported as epoll and kqueue report it.
                    ThrowUnlessOpenSocket(fd);
                }
            }
        }

        userEvent?.Detach(this, token);
    }

    /// <summary>Unregisters a timer by the id <see cref="RegisterTimer"/> returned: the same as <see cref="Unregister(SocketHandle)"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not registered.</exception>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public void Unregister(int id) => Unregister(new SocketHandle(id));

    /// <summary>Nim's <c>unregister</c> of a user event.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="ev"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ev"/> is not registered with this selector.</exception>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public void Unregister(SelectEvent ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        lock (_lock)
        {
            ThrowIfDisposed();
            if (!_table.TryFind(ev.Id, out var slot) || _table[slot].UserEvent != ev)
            {
                throw new ArgumentException("The event is not registered with this selector.", nameof(ev));
            }
        }

        Unregister(new SocketHandle(ev.Id));
    }

    /// <summary>
    /// Nim's <c>registerEvent</c>: reports <paramref name="ev"/> as a key with <see cref="Event.User"/> and
    /// <see cref="ReadyKey.Fd"/> = <see cref="SelectEvent.Id"/> once after each <see cref="SelectEvent.Trigger"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="ev"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ev"/> is already registered with this selector.</exception>
    /// <exception cref="ObjectDisposedException">The selector or the event was closed.</exception>
    public void RegisterEvent(SelectEvent ev, T data)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ev.ThrowIfClosed();
        ulong token;
        lock (_lock)
        {
            ThrowIfDisposed();
            if (_table.TryFind(ev.Id, out _))
            {
                throw new ArgumentException("The event is already registered with this selector.", nameof(ev));
            }

            var slot = _table.Add(ev.Id, RegistrationKind.User, data);
            _table[slot].UserEvent = ev;
            token = _table.TokenOf(slot);
        }

        ev.Attach(this, token);
    }

    /// <summary>
    /// Nim's <c>registerTimer</c>: a timer that expires after <paramref name="timeout"/> milliseconds, reported
    /// as a key with <see cref="Event.Timer"/> and <see cref="ReadyKey.Fd"/> = the returned id. A periodic timer
    /// then expires every <paramref name="timeout"/> milliseconds after its first deadline (late reports do not
    /// shift it; periods missed meanwhile give one key). A <paramref name="oneshot"/> timer expires once and
    /// stays registered, its data readable, until <see cref="Unregister(int)"/>. The selector keeps the timers
    /// itself: no system timer is created.
    /// </summary>
    /// <returns>The timer's id, negative so no socket handle is ever equal to it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public int RegisterTimer(int timeout, bool oneshot, T data)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeout);
        var id = SelectorIds.Next();
        bool wake;
        lock (_lock)
        {
            ThrowIfDisposed();
            var slot = _table.Add(id, RegistrationKind.Timer, data);
            ref var registration = ref _table[slot];
            registration.Oneshot = oneshot;
            registration.Period = SelectorClock.Ticks(timeout);
            registration.Deadline = SelectorClock.After(SelectorClock.Now, timeout);
            _timers.Push(registration.Deadline, _table.TokenOf(slot));
            _liveTimers++;
            if (_timers.Count > (2 * _liveTimers) + 16)
            {
                _timers.Compact(IsLiveTimer);
            }

            // A wait in progress computed its timeout without this deadline.
            wake = _waiting;
        }

        if (wake)
        {
            _backend.Wake();
        }

        return id;
    }

    private bool IsLiveTimer(ulong token) =>
        _table.TryResolve(token, out var slot) && _table[slot].Kind == RegistrationKind.Timer && _table[slot].Deadline != long.MaxValue;

    private static void CheckSocketEvents(Event events)
    {
        if ((events & ~(SocketInterest | Event.Oneshot)) != 0)
        {
            throw new ArgumentException($"A socket is watched for Read, Write and Oneshot only, not {events & ~(SocketInterest | Event.Oneshot)}.", nameof(events));
        }
    }

    /// <summary>Throws the system's error (EBADF, ENOTSOCK; WSAENOTSOCK on Windows) unless <paramref name="fd"/> is an open socket.</summary>
    private static void ThrowUnlessOpenSocket(SocketHandle fd) => NativeSocket.GetSockOptInt(fd, Native.SOL_SOCKET, Native.SO_TYPE);
}
