using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// The portable fallback: POSIX <c>poll</c>, or <c>WSAPoll</c> on Windows, over every registration on each
/// wait, so a wait costs O(registrations), not O(ready). The registrations live in compact arrays (swap-remove,
/// memory in proportion to their number); each wait copies the armed ones into a native <c>pollfd</c> array
/// that grows and is reused. A change made during a wait wakes it (a <see cref="LoopbackWaker"/>) so the next
/// wait sees it. When more are ready than fit, the scan starts after the last one reported, so none starves.
/// </summary>
internal sealed unsafe class PollBackend : ISelectorBackend
{
    private readonly object _lock = new();
    private readonly LoopbackWaker _waker;
    private readonly Dictionary<ulong, int> _indexByToken = new();
    private SocketHandle[] _sockets = new SocketHandle[16];
    private ulong[] _tokens = new ulong[16];
    private Event[] _interests = new Event[16];
    private int _count;

    // The wait's copy: the pollfd array (the waker first) and the token of each of its entries.
    private void* _fds;
    private ulong[] _waitTokens = new ulong[16];
    private int _waitCapacity;
    private int _rotation;
    private bool _waiting;
    private bool _disposed;

    /// <exception cref="OSErrorException">The waker's socket could not be created.</exception>
    public PollBackend() => _waker = new LoopbackWaker();

    /// <summary>poll has no kernel object.</summary>
    public nint Handle => -1;

    // poll keeps nothing in the kernel to refuse.
    public bool RemoveReportsClosedSockets => false;

    public void Add(SocketHandle socket, ulong token, Event interest)
    {
        lock (_lock)
        {
            if (_count == _sockets.Length)
            {
                Array.Resize(ref _sockets, _count * 2);
                Array.Resize(ref _tokens, _count * 2);
                Array.Resize(ref _interests, _count * 2);
            }

            _sockets[_count] = socket;
            _tokens[_count] = token;
            _interests[_count] = interest;
            _indexByToken.Add(token, _count++);
            WakeWaiter();
        }
    }

    public void Modify(SocketHandle socket, ulong token, Event interest)
    {
        lock (_lock)
        {
            _interests[_indexByToken[token]] = interest;
            WakeWaiter();
        }
    }

    /// <exception cref="OSErrorException">The socket was closed before (EBADF; WSAENOTSOCK on Windows); it is removed all the same.</exception>
    public void Remove(SocketHandle socket, ulong token)
    {
        lock (_lock)
        {
            if (_indexByToken.Remove(token, out var index))
            {
                var last = --_count;
                if (index != last)
                {
                    _sockets[index] = _sockets[last];
                    _tokens[index] = _tokens[last];
                    _interests[index] = _interests[last];
                    _indexByToken[_tokens[index]] = index;
                }

                _sockets[last] = default;
            }

            WakeWaiter();
        }
    }

    public int Wait(Span<BackendEvent> events, int timeout)
    {
        int entries;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            entries = CopyArmed();
            _waiting = true;
        }

        var result = Polling.Wait(_fds, entries, timeout);
        var error = Marshal.GetLastPInvokeError();
        lock (_lock)
        {
            _waiting = false;
        }

        if (result < 0)
        {
            throw new OSErrorException(error, OSErrorException.LastErrorSpace, "poll");
        }

        if (new Native.pollfd(_fds).revents != 0)
        {
            _waker.Drain();
        }

        return result == 0 ? 0 : Collect(events, entries);
    }

    public void Wake() => _waker.Wake();

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _waker.Dispose();
        NativeMemory.Free(_fds);
        _fds = null;
    }

    /// <summary>Fills the pollfd array with the waker and every registration that watches something. Under the lock.</summary>
    private int CopyArmed()
    {
        if (_waitCapacity < _count + 1)
        {
            _waitCapacity = Math.Max(16, _sockets.Length + 1);
            _fds = NativeMemory.Realloc(_fds, (nuint)_waitCapacity * (nuint)Native.pollfd.Size);
            Array.Resize(ref _waitTokens, _waitCapacity);
        }

        Fill(0, _waker.Socket, Native.POLLIN);
        var entries = 1;
        for (var i = 0; i < _count; i++)
        {
            var interest = _interests[i];
            if (interest == Event.None)
            {
                continue;
            }

            var bits = ((interest & Event.Read) != 0 ? Native.POLLIN : 0) | ((interest & Event.Write) != 0 ? Native.POLLOUT : 0);
            _waitTokens[entries] = _tokens[i];
            Fill(entries++, _sockets[i], bits);
        }

        return entries;
    }

    private void Fill(int index, SocketHandle socket, int bits)
    {
        var entry = new Native.pollfd((byte*)_fds + (index * Native.pollfd.Size));
        entry.fd = socket.Value;
        entry.events = (short)bits;
        entry.revents = 0;
    }

    /// <summary>The ready entries as records, starting after the last one the previous wait reported.</summary>
    private int Collect(Span<BackendEvent> events, int entries)
    {
        var registrations = entries - 1;
        if (registrations == 0)
        {
            return 0;
        }

        var start = _rotation % registrations;
        var count = 0;
        var scanned = 0;
        while (scanned < registrations && count < events.Length)
        {
            var index = 1 + ((start + scanned++) % registrations);
            var revents = new Native.pollfd((byte*)_fds + (index * Native.pollfd.Size)).revents;
            if (revents != 0)
            {
                events[count++] = Translate(_waitTokens[index], revents);
            }
        }

        _rotation = start + scanned;
        return count;
    }

    /// <summary>poll's bits as the contract reads them (see EpollBackend): POLLNVAL is a handle that is not open.</summary>
    private static BackendEvent Translate(ulong token, int revents)
    {
        var record = new BackendEvent { Token = token };
        if ((revents & (Native.POLLIN | Native.POLLHUP)) != 0)
        {
            record.Events |= Event.Read;
        }

        if ((revents & (Native.POLLOUT | Native.POLLHUP)) != 0)
        {
            record.Events |= Event.Write;
        }

        if ((revents & (Native.POLLERR | Native.POLLNVAL)) != 0)
        {
            record.Events |= Event.Error | Event.Read | Event.Write;
            record.ErrorCode = (revents & Native.POLLNVAL) != 0 ? NativeSocket.InvalidHandleError : 0;
        }

        return record;
    }

    /// <summary>A wait in progress copied the registrations before this change: end it so the next one sees it. Under the lock.</summary>
    private void WakeWaiter()
    {
        if (_waiting)
        {
            _waker.Wake();
        }
    }
}
