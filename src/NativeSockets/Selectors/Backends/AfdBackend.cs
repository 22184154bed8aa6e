using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using NativeSockets.Interop;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// Windows readiness in O(ready) per wait, the way wepoll and mio do it: each registered socket has one
/// <c>IOCTL_AFD_POLL</c> in flight on a <c>\Device\Afd</c> handle (<see cref="AfdHelper"/>), and the
/// polls complete through one I/O completion port, read with <c>GetQueuedCompletionStatusEx</c>.
/// <para>
/// An AFD poll reports once; level-triggered readiness comes from submitting it again at the start of
/// the next <see cref="Wait"/> (a socket still ready completes at once). <see cref="Modify"/> cancels a
/// poll in flight that waits for less than the new interest and submits the new one once the
/// cancellation has come back; <see cref="Remove"/> cancels it and frees the native block only when its
/// completion has arrived, since the kernel writes the block until then.
/// </para>
/// <para>
/// Create it with <see cref="TryCreate"/>. AFD is not a documented interface: where <c>\Device\Afd</c>
/// cannot be opened (a system without the driver, a sandbox that denies it) <see cref="TryCreate"/>
/// returns false with the Win32 error, and the selector falls back to <see cref="PollBackend"/> (<c>WSAPoll</c>).
/// Add, Modify, Remove and Wake may be called from any thread, also while another thread waits; one
/// thread waits at a time, and Dispose is called when no wait runs.
/// </para>
/// </summary>
internal sealed unsafe class AfdBackend : ISelectorBackend
{
    /// <summary>The completion key of Wake's packets; AFD handles complete with key 0.</summary>
    private const nuint WakeKey = 1;

    /// <summary>How long Dispose waits for cancelled polls to come back before leaving their blocks allocated.</summary>
    private const int DrainMilliseconds = 5000;

    private readonly object _lock = new();
    private readonly List<AfdHelper> _helpers = new();
    private readonly Dictionary<ulong, AfdPollState> _byToken = new();

    // Every block the kernel may write, by address (a completion's context): registered, or removed with
    // a poll still in flight.
    private readonly Dictionary<nint, AfdPollState> _byBlock = new();

    // Polls to submit at the start of the next wait: re-arming after a report, or after a cancellation.
    private readonly List<AfdPollState> _toArm = new();

    private nint _port;
    private byte* _entries;
    private int _entryCapacity;
    private int _wakePending;
    private bool _disposed;

    private AfdBackend(nint port, AfdHelper helper)
    {
        _port = port;
        _helpers.Add(helper);
    }

    /// <summary>The completion port.</summary>
    public nint Handle => _port;

    // AFD drops a closed socket's poll without a word.
    public bool RemoveReportsClosedSockets => false;

    /// <summary>
    /// Creates the completion port and a first <c>\Device\Afd</c> handle. Returns false, with the Win32
    /// error in <paramref name="error"/> and nothing left open, when either fails; the caller then uses a
    /// <c>WSAPoll</c>-based backend instead.
    /// </summary>
    public static bool TryCreate(out AfdBackend? backend, out int error)
    {
        backend = null;
        Winsock.EnsureStarted();
        var port = Native.CreateIoCompletionPort((void*)Native.INVALID_HANDLE_VALUE, null, 0, 0);
        if (port is null)
        {
            error = Marshal.GetLastPInvokeError();
            return false;
        }

        error = AfdHelper.TryOpen((nint)port, out var helper);
        if (helper is null)
        {
            Native.CloseHandle(port);
            return false;
        }

        backend = new AfdBackend((nint)port, helper);
        return true;
    }

    /// <inheritdoc/>
    public void Add(SocketHandle socket, ulong token, Event interest)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_byToken.ContainsKey(token))
            {
                throw new ArgumentException($"Token {token} is already registered.", nameof(token));
            }

            var error = AfdHelper.TryGetBaseSocket(socket, out var baseSocket);
            if (error != 0)
            {
                throw new OSErrorException(error, OSErrorSpace.Winsock, $"SIO_BASE_HANDLE of socket {socket}");
            }

            var state = new AfdPollState(token, socket, baseSocket, HelperWithRoom()) { Interest = interest & (Event.Read | Event.Write) };
            state.Helper.Sockets++;
            _byToken.Add(token, state);
            _byBlock.Add((nint)state.Block, state);
            if (state.Interest != Event.None)
            {
                var status = Submit(state);
                if (status != 0)
                {
                    _byToken.Remove(token);
                    _byBlock.Remove((nint)state.Block);
                    state.Helper.Sockets--;
                    state.Free();
                    throw new OSErrorException(status, OSErrorSpace.Winsock, $"IOCTL_AFD_POLL on socket {socket}");
                }
            }
        }
    }

    /// <inheritdoc/>
    public void Modify(SocketHandle socket, ulong token, Event interest)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var state = Registered(token);
            state.Interest = interest & (Event.Read | Event.Write);
            var wanted = AfdEvents.For(state.Interest);
            switch (state.Status)
            {
                case AfdPollStatus.Pending when (wanted & ~state.PendingEvents) == 0:
                    // The poll in flight already covers the new interest; its report is filtered by it.
                    break;
                case AfdPollStatus.Pending:
                    Cancel(state);
                    break;
                case AfdPollStatus.Cancelled:
                    // The new interest is submitted once the cancellation comes back.
                    break;
                default:
                    state.Closed = false;
                    if (state.Interest != Event.None)
                    {
                        var error = Submit(state);
                        if (error != 0)
                        {
                            throw new OSErrorException(error, OSErrorSpace.Winsock, $"IOCTL_AFD_POLL on socket {socket}");
                        }
                    }

                    break;
            }
        }
    }

    /// <inheritdoc/>
    public void Remove(SocketHandle socket, ulong token)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Not there: AFD reported the socket closed (AFD_POLL_LOCAL_CLOSE) and it was dropped then.
            if (_byToken.Remove(token, out var state))
            {
                state.Removed = true;
                state.Helper.Sockets--;
                if (state.Status == AfdPollStatus.Idle)
                {
                    Release(state);
                }
                else if (state.Status == AfdPollStatus.Pending)
                {
                    Cancel(state);
                }
            }
        }
    }

    /// <inheritdoc/>
    public int Wait(Span<BackendEvent> events, int timeout)
    {
        if (events.IsEmpty)
        {
            throw new ArgumentException("The span must hold at least one event.", nameof(events));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var entries = EntriesFor(events.Length);
        var deadline = timeout < 0 ? long.MaxValue : Environment.TickCount64 + timeout;
        while (true)
        {
            var count = 0;
            lock (_lock)
            {
                ArmQueued(events, ref count);
            }

            if (count > 0)
            {
                return count;
            }

            var remaining = timeout < 0 ? Native.INFINITE : (uint)Math.Max(0, deadline - Environment.TickCount64);
            uint removed = 0;
            if (Native.GetQueuedCompletionStatusEx((void*)_port, entries, (uint)events.Length, &removed, remaining, 0) == 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == Native.WAIT_TIMEOUT)
                {
                    return 0;
                }

                throw new OSErrorException(error, OSErrorSpace.Winsock, "GetQueuedCompletionStatusEx");
            }

            var woken = false;
            lock (_lock)
            {
                for (var i = 0; i < (int)removed; i++)
                {
                    var entry = new Native._OVERLAPPED_ENTRY(entries + (i * Native._OVERLAPPED_ENTRY.Size));
                    if (entry.lpCompletionKey == WakeKey)
                    {
                        Volatile.Write(ref _wakePending, 0);
                        woken = true;
                    }
                    else if (_byBlock.TryGetValue((nint)entry.lpOverlapped, out var state) && Complete(state, out events[count]))
                    {
                        count++;
                    }
                }
            }

            // A cancellation or a closed socket reports nothing: the wait goes on for the time left.
            if (count > 0 || woken || (timeout >= 0 && Environment.TickCount64 >= deadline))
            {
                return count;
            }
        }
    }

    /// <inheritdoc/>
    public void Wake()
    {
        // One packet at a time: many wakes before a wait end one wait, not several.
        if (Interlocked.Exchange(ref _wakePending, 1) == 0
            && Native.PostQueuedCompletionStatus((void*)_port, 0, WakeKey, null) == 0)
        {
            Volatile.Write(ref _wakePending, 0);
            throw new OSErrorException(Marshal.GetLastPInvokeError(), OSErrorSpace.Winsock, "PostQueuedCompletionStatus");
        }
    }

    /// <summary>
    /// Cancels every poll in flight, waits (up to 5 s) for their completions, frees every block and closes
    /// the AFD handles and the port. A block whose completion never came is left allocated rather than
    /// freed under the kernel.
    /// </summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _byToken.Clear();
            _toArm.Clear();
            foreach (var state in new List<AfdPollState>(_byBlock.Values))
            {
                state.Removed = true;
                if (state.Status == AfdPollStatus.Idle)
                {
                    Release(state);
                }
                else if (state.Status == AfdPollStatus.Pending)
                {
                    _ = state.Helper.Cancel(state);
                    state.Status = AfdPollStatus.Cancelled;
                }
            }

            Drain();
            foreach (var helper in _helpers)
            {
                helper.Close();
            }

            // Closing an AFD handle cancels what is still in flight on it; give those a last chance.
            Drain();
            _byBlock.Clear();
            Native.CloseHandle((void*)_port);
            _port = 0;
            NativeMemory.Free(_entries);
            _entries = null;
            _entryCapacity = 0;
        }
    }

    /// <summary>Waits for the completions of the polls still in flight at Dispose and frees their blocks.</summary>
    private void Drain()
    {
        const int Batch = 16;
        var entries = stackalloc byte[Batch * Native._OVERLAPPED_ENTRY.Size];
        var deadline = Environment.TickCount64 + DrainMilliseconds;
        while (_byBlock.Count > 0)
        {
            var remaining = deadline - Environment.TickCount64;
            uint removed = 0;
            if (remaining <= 0 || Native.GetQueuedCompletionStatusEx((void*)_port, entries, Batch, &removed, (uint)remaining, 0) == 0)
            {
                return;
            }

            for (var i = 0; i < (int)removed; i++)
            {
                var entry = new Native._OVERLAPPED_ENTRY(entries + (i * Native._OVERLAPPED_ENTRY.Size));
                if (entry.lpCompletionKey != WakeKey && _byBlock.TryGetValue((nint)entry.lpOverlapped, out var state))
                {
                    state.Status = AfdPollStatus.Idle;
                    Release(state);
                }
            }
        }
    }

    /// <summary>
    /// Takes one completion: the registration's poll is no longer in flight. Returns true with the
    /// readiness to report, false when there is none (cancelled, closed, removed, or nothing of interest).
    /// </summary>
    private bool Complete(AfdPollState state, out BackendEvent ready)
    {
        ready = default;
        state.Status = AfdPollStatus.Idle;
        state.PendingEvents = 0;
        if (state.Removed)
        {
            Release(state);
            return false;
        }

        var status = state.IoStatus.Status;
        var info = state.PollInfo;
        if (status == Native.STATUS_CANCELLED)
        {
            QueueArm(state);
            return false;
        }

        if (status < 0)
        {
            var error = (int)Native.RtlNtStatusToDosError(status);
            if (error == Native.ERROR_INVALID_HANDLE)
            {
                // The socket was closed before the poll could watch it: dropped, as after AFD_POLL_LOCAL_CLOSE.
                state.Closed = true;
                return false;
            }

            // The poll itself failed: report it, and try again at the next wait as a level-triggered error.
            ready = new BackendEvent { Token = state.Token, Events = Event.Error, ErrorCode = error };
            QueueArm(state);
            return true;
        }

        if (info.NumberOfHandles < 1)
        {
            QueueArm(state);
            return false;
        }

        var handle = info.Handles;
        if ((handle.Events & Native.AFD_POLL_LOCAL_CLOSE) != 0)
        {
            // Closed by this process without Remove: nothing more can happen to it.
            state.Closed = true;
            return false;
        }

        QueueArm(state);
        var fired = AfdEvents.ToEvents(handle.Events, state.Interest);
        if (fired == Event.None)
        {
            return false;
        }

        ready = new BackendEvent { Token = state.Token, Events = fired };
        if ((fired & Event.Error) != 0)
        {
            ready.ErrorCode = SocketError(state, handle.Status);
        }

        return true;
    }

    /// <summary>
    /// The failed connect's error: <c>SO_ERROR</c> (a Winsock code), or if that holds none the handle's
    /// NTSTATUS in the poll as a Win32 error; 0 when neither says more.
    /// </summary>
    private static int SocketError(AfdPollState state, int status)
    {
        var error = 0;
        var length = sizeof(int);
        if (Native.getsockopt(state.Socket.Value, Native.SOL_SOCKET, Native.SO_ERROR, (byte*)&error, &length) == 0 && error != 0)
        {
            return error;
        }

        return status < 0 ? (int)Native.RtlNtStatusToDosError(status) : 0;
    }

    /// <summary>
    /// Submits the polls queued since the last wait. A poll the kernel refuses is reported as an Error
    /// (or, when the socket was closed, dropped); one that cannot be reported for lack of room stays queued.
    /// </summary>
    private void ArmQueued(Span<BackendEvent> events, ref int count)
    {
        var kept = 0;
        for (var i = 0; i < _toArm.Count; i++)
        {
            var state = _toArm[i];
            if (count == events.Length)
            {
                _toArm[kept++] = state;
                continue;
            }

            state.ArmQueued = false;
            if (state.Removed || state.Closed || state.Status != AfdPollStatus.Idle || state.Interest == Event.None)
            {
                continue;
            }

            var error = Submit(state);
            if (error == Native.ERROR_INVALID_HANDLE)
            {
                state.Closed = true;
            }
            else if (error != 0)
            {
                events[count++] = new BackendEvent { Token = state.Token, Events = Event.Error, ErrorCode = error };
            }
        }

        _toArm.RemoveRange(kept, _toArm.Count - kept);
        foreach (var state in _toArm)
        {
            state.ArmQueued = true;
        }
    }

    /// <summary>Fills the block and submits the poll; returns 0 or the Win32 error.</summary>
    private static int Submit(AfdPollState state)
    {
        var wanted = AfdEvents.For(state.Interest);
        var info = state.PollInfo;
        info.Timeout = long.MaxValue;
        info.NumberOfHandles = 1;
        info.Exclusive = 0;
        var handle = info.Handles;
        handle.Handle = (void*)state.BaseSocket;
        handle.Events = wanted;
        handle.Status = 0;
        var status = state.Helper.Submit(state);
        if (status != Native.STATUS_SUCCESS && status != Native.STATUS_PENDING)
        {
            return (int)Native.RtlNtStatusToDosError(status);
        }

        state.Status = AfdPollStatus.Pending;
        state.PendingEvents = wanted;
        return 0;
    }

    private static void Cancel(AfdPollState state)
    {
        var error = state.Helper.Cancel(state);
        state.Status = AfdPollStatus.Cancelled;
        if (error != 0)
        {
            throw new OSErrorException(error, OSErrorSpace.Winsock, $"NtCancelIoFileEx for socket {state.Socket}");
        }
    }

    private void QueueArm(AfdPollState state)
    {
        if (!state.ArmQueued && !state.Removed && state.Interest != Event.None)
        {
            state.ArmQueued = true;
            _toArm.Add(state);
        }
    }

    /// <summary>Frees a block no poll is in flight on and forgets it.</summary>
    private void Release(AfdPollState state)
    {
        _byBlock.Remove((nint)state.Block);
        state.Free();
    }

    private AfdPollState Registered(ulong token) =>
        _byToken.TryGetValue(token, out var state) ? state : throw new ArgumentException($"Token {token} is not registered.", nameof(token));

    /// <summary>An AFD handle serving fewer than <see cref="AfdHelper.MaxSockets"/> sockets, opening one if none does.</summary>
    private AfdHelper HelperWithRoom()
    {
        foreach (var helper in _helpers)
        {
            if (helper.Sockets < AfdHelper.MaxSockets)
            {
                return helper;
            }
        }

        var error = AfdHelper.TryOpen(_port, out var opened);
        if (opened is null)
        {
            throw new OSErrorException(error, OSErrorSpace.Winsock, @"NtCreateFile(\Device\Afd)");
        }

        _helpers.Add(opened);
        return opened;
    }

    /// <summary>The native OVERLAPPED_ENTRY array, grown to the caller's span once and kept: no allocation per wait.</summary>
    private byte* EntriesFor(int count)
    {
        if (count > _entryCapacity)
        {
            _entries = (byte*)NativeMemory.Realloc(_entries, (nuint)count * (nuint)Native._OVERLAPPED_ENTRY.Size);
            _entryCapacity = count;
        }

        return _entries;
    }
}
