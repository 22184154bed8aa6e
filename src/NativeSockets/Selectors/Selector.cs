using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using NativeSockets.Selectors.Backends;

namespace NativeSockets.Selectors;

/// <summary>
/// Nim's <c>Selector[T]</c>: waits for many sockets, timers and user events at once, and keeps a
/// <typeparamref name="T"/> per registration. The system's own readiness interface does the waiting
/// (epoll on Linux; kqueue on macOS and FreeBSD; AFD on Windows, with <c>WSAPoll</c> as the fallback), so a
/// wait costs in proportion to what is ready, not to what is registered.
/// </summary>
/// <remarks>
/// <para>The contract, the same on every backend:</para>
/// <list type="bullet">
/// <item><description><b>Level-triggered.</b> A socket is reported by every wait while it is ready for what it
/// is registered for. <see cref="Event.Oneshot"/> at registration (or in <see cref="UpdateHandle"/>) reports it
/// once, then watches nothing until <see cref="UpdateHandle"/> sets its interest again.</description></item>
/// <item><description><b>One key per registration per wait.</b> A socket ready to read and to write comes back as
/// one <see cref="ReadyKey"/> with both events.</description></item>
/// <item><description><b>End of stream and errors are visible.</b> A peer's close or reset makes the socket
/// readable (a receive returns 0 or fails), and writable if it watches for writing. A pending socket error adds
/// <see cref="Event.Error"/> with the native code in <see cref="ReadyKey.ErrorCode"/>. A socket watching nothing
/// reports nothing, not even errors.</description></item>
/// <item><description><b>Spurious wake-ups happen.</b> A key says the next call will probably not block, not that
/// it cannot: use non-blocking sockets and treat EAGAIN/EWOULDBLOCK as "not yet".</description></item>
/// <item><description><b>No limit on results.</b> A wait reports as many keys as <c>results</c> holds; the rest
/// stay ready for the next wait.</description></item>
/// <item><description><b>Signals cost nothing.</b> A signal that interrupts the system's wait neither ends the
/// wait early nor loses events: it resumes for the time left.</description></item>
/// <item><description><b>Registrations are not descriptor numbers.</b> Each registration has a slot of its own;
/// an event left over from a registration that was removed (even if its number is now another socket) is
/// dropped. Unregister a socket <i>before</i> closing it: the system forgets a closed socket on its own, and
/// <see cref="Unregister(SocketHandle)"/> of a closed one removes the registration, then throws
/// <see cref="OSErrorException"/> (EBADF).</description></item>
/// <item><description><b>Threads.</b> Registration, update, unregistration, data access and
/// <see cref="SelectEvent.Trigger"/> are safe from any thread, also while another thread waits: a registration
/// made during a wait takes effect in that wait. One thread waits at a time.</description></item>
/// </list>
/// </remarks>
/// <typeparam name="T">The data kept per registration.</typeparam>
public sealed partial class Selector<T> : IDisposable, IUserEventSink
{
#if NET9_0_OR_GREATER
    private readonly System.Threading.Lock _lock = new();
#else
    private readonly object _lock = new();
#endif
    private readonly ISelectorBackend _backend;
    private readonly RegistrationTable<T> _table = new();
    private readonly TimerQueue _timers = new();
    private readonly Queue<ulong> _triggered = new();
    private int _liveTimers;
    private bool _waiting;
    private bool _disposed;

    /// <summary>Nim's <c>newSelector[T]()</c>: a selector on the running platform's readiness interface.</summary>
    /// <exception cref="OSErrorException">The system refused to create the selector's objects (EMFILE, ...).</exception>
    /// <exception cref="PlatformNotSupportedException">The platform has no selector backend.</exception>
    public Selector()
        : this(SelectorBackends.Create())
    {
    }

    /// <summary>A selector on <paramref name="backend"/>, which it owns from now on.</summary>
    internal Selector(ISelectorBackend backend) => _backend = backend;

    /// <summary>Nim's <c>isEmpty</c>: true when nothing is registered (sockets, timers and events).</summary>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                ThrowIfDisposed();
                return _table.Count == 0;
            }
        }
    }

    /// <summary>
    /// Nim's <c>getFd</c>: the kernel object the selector waits on (the epoll or kqueue descriptor, the
    /// completion port), or -1 when its backend has none (the <c>poll</c> fallback).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public nint GetFd()
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            return _backend.Handle;
        }
    }

    /// <summary>Nim's <c>contains</c>: whether <paramref name="fd"/> (a socket, a timer id or an event id) is registered.</summary>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public bool Contains(SocketHandle fd)
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            return _table.TryFind(fd.Value, out _);
        }
    }

    /// <summary>
    /// Nim's <c>getData</c>: the data registered with <paramref name="fd"/> (a socket, a timer id or an event id).
    /// Unlike Nim, which returns a default value, an unknown handle is an error; <see cref="TryGetData"/> asks.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="fd"/> is not registered.</exception>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public T GetData(SocketHandle fd)
    {
        lock (_lock)
        {
            return _table[FindSlot(fd, nameof(fd))].Data;
        }
    }

    /// <summary>The data registered with <paramref name="fd"/>, or false (and <paramref name="data"/> default) if it is not registered.</summary>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public bool TryGetData(SocketHandle fd, [MaybeNullWhen(false)] out T data)
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            if (_table.TryFind(fd.Value, out var slot))
            {
                data = _table[slot].Data;
                return true;
            }

            data = default!;
            return false;
        }
    }

    /// <summary>Nim's <c>setData</c>: replaces the data of <paramref name="fd"/>; false if it is not registered.</summary>
    /// <exception cref="ObjectDisposedException">The selector was closed.</exception>
    public bool SetData(SocketHandle fd, T data)
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            if (!_table.TryFind(fd.Value, out var slot))
            {
                return false;
            }

            _table[slot].Data = data;
            return true;
        }
    }

    /// <summary>
    /// Nim's <c>close</c>: releases the selector's system objects (its epoll descriptor and waker, ...). The
    /// registered sockets stay open: they are the caller's. A wait in progress on another thread ends with
    /// <see cref="ObjectDisposedException"/>. Closing twice does nothing.
    /// </summary>
    public void Close() => Dispose();

    /// <summary>The same as <see cref="Close"/>.</summary>
    public void Dispose()
    {
        List<(SelectEvent Event, ulong Token)>? events = null;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            for (var slot = 0; slot < _table.HighWater; slot++)
            {
                if (_table[slot].Kind == RegistrationKind.User)
                {
                    (events ??= new()).Add((_table[slot].UserEvent!, _table.TokenOf(slot)));
                }
            }

            if (_waiting)
            {
                // The waiting thread still uses the backend: it releases it when its wait returns.
                _backend.Wake();
            }
            else
            {
                _backend.Dispose();
            }
        }

        foreach (var (userEvent, token) in events ?? [])
        {
            userEvent.Detach(this, token);
        }
    }

    /// <inheritdoc/>
    void IUserEventSink.Signal(ulong token)
    {
        bool wake;
        lock (_lock)
        {
            if (_disposed || !_table.TryResolve(token, out var slot) || _table[slot].UserPending)
            {
                return;
            }

            _table[slot].UserPending = true;
            _triggered.Enqueue(token);
            wake = _waiting;
        }

        if (wake)
        {
            _backend.Wake();
        }
    }

    /// <summary>The slot of <paramref name="fd"/>; throws naming <paramref name="argumentName"/> if it is not registered. Under the lock.</summary>
    private int FindSlot(SocketHandle fd, string argumentName)
    {
        ThrowIfDisposed();
        return _table.TryFind(fd.Value, out var slot)
            ? slot
            : throw new ArgumentException($"Handle {fd.Value} is not registered with this selector.", argumentName);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
