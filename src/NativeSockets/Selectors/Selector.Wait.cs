using System;
using NativeSockets.Interop;
using NativeSockets.Selectors.Backends;

namespace NativeSockets.Selectors;

public sealed partial class Selector<T>
{
    // The backend's records of one wait; grown to the largest results span seen, then reused.
    private BackendEvent[] _records = new BackendEvent[64];
    private long _stamp;

    /// <summary>
    /// Nim's <c>selectInto</c>: waits up to <paramref name="timeout"/> milliseconds (-1: no limit) until something
    /// registered is ready, and writes one <see cref="ReadyKey"/> per ready registration into
    /// <paramref name="results"/>, as many as it holds (no 64-key limit). Returns how many; 0 when the time ran
    /// out. Allocates nothing. A signal does not end the wait early; a registration made by another thread during
    /// the wait takes effect in it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not -1.</exception>
    /// <exception cref="ArgumentException"><paramref name="results"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">Another thread is waiting on this selector.</exception>
    /// <exception cref="OSErrorException">The system's wait failed.</exception>
    /// <exception cref="ObjectDisposedException">The selector was closed, before or during the wait.</exception>
    public int SelectInto(int timeout, Span<ReadyKey> results)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, -1);
        if (results.IsEmpty)
        {
            throw new ArgumentException("The results span is empty: no key could be reported.", nameof(results));
        }

        // A wait of 0 is over at once and one without limit never is: neither reads the clock.
        var deadline = timeout switch
        {
            0 => long.MinValue,
            -1 => long.MaxValue,
            _ => SelectorClock.After(SelectorClock.Now, timeout),
        };
        var waiting = false;
        try
        {
            while (true)
            {
                int count;
                int wait;
                lock (_lock)
                {
                    ThrowIfDisposed();
                    if (!waiting)
                    {
                        BeginWait(results.Length);
                        waiting = true;
                    }

                    (count, wait) = CollectPending(deadline, results);
                }

                // Everything the results hold is reported already: no system call, but the same ending.
                var records = _records.AsSpan(0, results.Length - count);
                var received = count < results.Length ? _backend.Wait(records, wait) : 0;
                lock (_lock)
                {
                    ThrowIfDisposed();
                    count = CollectSockets(records[..received], results, count);

                    // Nothing to report yet (a wake-up for a registration, or a wait cut at a timer): wait for what is left.
                    if (count > 0 || IsPast(deadline))
                    {
                        waiting = false;
                        EndWait();
                        return count;
                    }
                }
            }
        }
        finally
        {
            if (waiting)
            {
                lock (_lock)
                {
                    EndWait();
                }
            }
        }
    }

    /// <summary>Nim's <c>select</c>: <see cref="SelectInto"/> into a new array of up to 64 keys, returned at its length.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not -1.</exception>
    /// <exception cref="InvalidOperationException">Another thread is waiting on this selector.</exception>
    /// <exception cref="OSErrorException">The system's wait failed.</exception>
    /// <exception cref="ObjectDisposedException">The selector was closed, before or during the wait.</exception>
    public ReadyKey[] Select(int timeout)
    {
        Span<ReadyKey> keys = new ReadyKey[64];
        return keys[..SelectInto(timeout, keys)].ToArray();
    }

    /// <summary>Marks this thread's wait as begun, or throws if another thread's is in progress. Under the lock.</summary>
    private void BeginWait(int capacity)
    {
        if (_waiting)
        {
            throw new InvalidOperationException("Another thread is waiting on this selector; one thread waits at a time.");
        }

        _waiting = true;
        if (_records.Length < capacity)
        {
            _records = new BackendEvent[capacity];
        }
    }

    /// <summary>Marks the wait as over; a Close made during it releases the backend now. Under the lock.</summary>
    private void EndWait()
    {
        _waiting = false;
        if (_disposed)
        {
            _backend.Dispose();
        }
    }

    /// <summary>
    /// Reports triggered user events and expired timers, and returns how many with the backend's timeout for the
    /// rest of the wait (0 once something is reported). Reads the clock only when a timer or a finite deadline
    /// needs it. Under the lock.
    /// </summary>
    private (int Count, int Wait) CollectPending(long deadline, Span<ReadyKey> results)
    {
        _stamp++;
        var count = CollectTriggered(results);
        if (_timers.Count == 0 && deadline is long.MinValue or long.MaxValue)
        {
            return (count, count > 0 || deadline == long.MinValue ? 0 : -1);
        }

        var now = SelectorClock.Now;
        count = CollectTimers(results, count, now);
        return (count, count > 0 ? 0 : SelectorClock.Until(Math.Min(deadline, _timers.EarliestDeadline), now));
    }

    /// <summary>Whether the wait's <paramref name="deadline"/> has passed (a wait of 0 has, one without limit never).</summary>
    private static bool IsPast(long deadline) =>
        deadline != long.MaxValue && (deadline == long.MinValue || SelectorClock.Now >= deadline);

    /// <summary>User events triggered since the last report, oldest first. Under the lock.</summary>
    private int CollectTriggered(Span<ReadyKey> results)
    {
        var count = 0;
        while (count < results.Length && _triggered.TryDequeue(out var token))
        {
            if (_table.TryResolve(token, out var slot) && _table[slot].UserPending)
            {
                _table[slot].UserPending = false;
                results[count++] = new ReadyKey(new SocketHandle(_table[slot].Key), Event.User, 0);
            }
        }

        return count;
    }

    /// <summary>Timers expired by <paramref name="now"/>; periodic ones are re-armed on their own schedule. Under the lock.</summary>
    private int CollectTimers(Span<ReadyKey> results, int count, long now)
    {
        while (count < results.Length && _timers.Count > 0 && _timers.EarliestDeadline <= now)
        {
            var token = _timers.EarliestToken;
            var deadline = _timers.EarliestDeadline;
            _timers.Pop();
            if (!_table.TryResolve(token, out var slot) || _table[slot].Deadline != deadline)
            {
                continue;
            }

            ref var timer = ref _table[slot];
            results[count++] = new ReadyKey(new SocketHandle(timer.Key), Event.Timer, 0);
            if (timer.Oneshot)
            {
                timer.Deadline = long.MaxValue;
                _liveTimers--;
                continue;
            }

            // The next deadline on the timer's own schedule, skipping periods that already passed.
            timer.Deadline += ((now - timer.Deadline) / timer.Period + 1) * timer.Period;
            _timers.Push(timer.Deadline, token);
        }

        return count;
    }

    /// <summary>Turns the backend's records into keys, one per registration. Under the lock.</summary>
    private int CollectSockets(ReadOnlySpan<BackendEvent> records, Span<ReadyKey> results, int count)
    {
        foreach (ref readonly var record in records)
        {
            // A record of a registration removed meanwhile (its slot freed or reused) is dropped.
            if (!_table.TryResolve(record.Token, out var slot) || _table[slot].Kind != RegistrationKind.Socket)
            {
                continue;
            }

            ref var registration = ref _table[slot];
            var merging = registration.Stamp == _stamp;
            var interest = merging ? registration.ReportedInterest : registration.Interest;
            var events = record.Events & interest;
            if (interest == Event.None || (events == Event.None && (record.Events & Event.Error) == 0))
            {
                continue;
            }

            var errorCode = 0;
            if ((record.Events & Event.Error) != 0)
            {
                events |= Event.Error;
                errorCode = record.ErrorCode != 0 ? record.ErrorCode : PendingError(new SocketHandle(registration.Key));
            }

            if (merging)
            {
                var earlier = results[registration.ResultIndex];
                results[registration.ResultIndex] = new ReadyKey(earlier.Fd, earlier.Events | events, errorCode != 0 ? errorCode : earlier.ErrorCode);
                continue;
            }

            registration.Stamp = _stamp;
            registration.ResultIndex = count;
            registration.ReportedInterest = interest;
            results[count++] = new ReadyKey(new SocketHandle(registration.Key), events, errorCode);
            if (registration.Oneshot)
            {
                Disarm(slot);
            }
        }

        return count;
    }

    /// <summary>A one-shot registration was reported: it watches nothing until UpdateHandle. Under the lock.</summary>
    private void Disarm(int slot)
    {
        ref var registration = ref _table[slot];
        registration.Interest = Event.None;
        try
        {
            _backend.Modify(new SocketHandle(registration.Key), _table.TokenOf(slot), Event.None);
        }
        catch (OSErrorException)
        {
            // The socket was closed while registered; the key is reported all the same, and Unregister will
            // say so. Throwing here would lose the keys of this wait.
        }
    }

    /// <summary>The socket's pending error (SO_ERROR), or the error reading it gave (EBADF for a closed socket).</summary>
    private static int PendingError(SocketHandle socket)
    {
        try
        {
            return NativeSocket.GetSockOptInt(socket, Native.SOL_SOCKET, Native.SO_ERROR);
        }
        catch (OSErrorException exception)
        {
            return exception.ErrorCode;
        }
    }
}
