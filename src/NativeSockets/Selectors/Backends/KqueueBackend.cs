using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using NativeSockets.Interop;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// The selector backend of macOS and FreeBSD: a kqueue with one level-triggered filter per interest
/// (<c>EVFILT_READ</c>, <c>EVFILT_WRITE</c>), the token as <c>udata</c>, and an <c>EVFILT_USER</c>
/// event as the waker. Changes are made with receipts (<c>EV_RECEIPT</c>), so each reports its own
/// error. <see cref="Add"/>, <see cref="Modify"/>, <see cref="Remove"/> and <see cref="Wake"/> may be
/// called from any thread, also while another waits: each builds its changes on its own stack. Waits
/// fill a buffer sized to the caller's span, kept between waits (a concurrent wait gets its own).
/// </summary>
internal sealed unsafe class KqueueBackend : ISelectorBackend
{
    private readonly KqueueNumbers _numbers = KqueueNumbers.Running;
    private readonly KeventLayout _layout = KeventLayout.Running;
    private readonly OwnedSocketHandle _queue;
    private byte[]? _spare;
    private int _disposed;

    /// <summary>Creates the kqueue, close-on-exec, with its waker registered.</summary>
    /// <exception cref="OSErrorException">The kernel refused (EMFILE, ENFILE, ENOMEM).</exception>
    public KqueueBackend()
    {
        // FreeBSD 14 creates the queue close-on-exec at once; macOS has no such call, so FD_CLOEXEC
        // follows (a fork-exec in between can still inherit it, as with any descriptor macOS makes).
        var atomic = Native.Defined.kqueuex;
        var descriptor = atomic ? Native.kqueuex(Native.KQUEUE_CLOEXEC) : Native.kqueue();
        if (descriptor < 0)
        {
            throw OSErrorException.FromLastError(atomic ? "kqueuex" : "kqueue");
        }

        var queue = new SocketHandle(descriptor);
        if (!atomic && !NativeSocket.SetInheritable(queue, inheritable: false))
        {
            var error = OSErrorException.FromLastError("fcntl(F_SETFD, FD_CLOEXEC) on the new kqueue");
            NativeSocket.Close(queue);
            throw error;
        }

        _queue = new OwnedSocketHandle(queue);
        try
        {
            Span<KeventRecord> waker = [KqueueTranslation.WakerRegistration(_numbers)];
            Apply(waker, undoOnFailure: false);
        }
        catch
        {
            _queue.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public nint Handle => _queue.IsClosed ? -1 : _queue.DangerousGetHandle();

    /// <inheritdoc/>
    public bool RemoveReportsClosedSockets => true;

    /// <inheritdoc/>
    public void Add(SocketHandle socket, ulong token, Event interest)
    {
        Span<KeventRecord> changes = stackalloc KeventRecord[KqueueTranslation.MaxChanges];
        var count = KqueueTranslation.Add(changes, Ident(socket), token, interest, _numbers);
        Apply(changes[..count], undoOnFailure: true);
    }

    /// <inheritdoc/>
    public void Modify(SocketHandle socket, ulong token, Event interest)
    {
        Span<KeventRecord> changes = stackalloc KeventRecord[KqueueTranslation.MaxChanges];
        var count = KqueueTranslation.Modify(changes, Ident(socket), token, interest, _numbers);
        Apply(changes[..count], undoOnFailure: false);
    }

    /// <inheritdoc/>
    public void Remove(SocketHandle socket, ulong token)
    {
        Span<KeventRecord> changes = stackalloc KeventRecord[KqueueTranslation.MaxChanges];
        var count = KqueueTranslation.Remove(changes, Ident(socket), _numbers);
        Apply(changes[..count], undoOnFailure: false);
    }

    /// <inheritdoc/>
    public int Wait(Span<BackendEvent> events, int timeout)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Length, nameof(events));
        var buffer = RentBuffer(events.Length);
        var added = false;
        try
        {
            _queue.DangerousAddRef(ref added);
            var queue = (int)_queue.DangerousGetHandle();
            var list = Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
            var deadline = Environment.TickCount64 + timeout;
            var remaining = timeout;
            var time = stackalloc byte[Native.timespec.Size];
            while (true)
            {
                if (remaining >= 0)
                {
                    var span = new Native.timespec(time);
                    span.tv_sec = remaining / 1000;
                    span.tv_nsec = remaining % 1000 * 1_000_000L;
                }

                var count = Native.kevent_call(queue, null, 0, list, events.Length, remaining < 0 ? null : time);

                if (count >= 0)
                {
                    return KqueueTranslation.Translate(list, count, _layout, _numbers, events);
                }

                if (Marshal.GetLastPInvokeError() != Native.EINTR)
                {
                    throw OSErrorException.FromLastError("kevent");
                }

                // A signal: wait again for what is left of the time.
                if (remaining > 0)
                {
                    remaining = (int)Math.Max(0, deadline - Environment.TickCount64);
                }
            }
        }
        finally
        {
            if (added)
            {
                _queue.DangerousRelease();
            }

            ReturnBuffer(buffer);
        }
    }

    /// <inheritdoc/>
    public void Wake()
    {
        Span<KeventRecord> trigger = [KqueueTranslation.WakerTrigger(_numbers)];
        Apply(trigger, undoOnFailure: false);
    }

    /// <summary>Wakes a wait in progress and closes the kqueue once no call is using it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            Wake();
        }
        catch (OSErrorException)
        {
            // Closing still ends every wait: the kernel wakes them when the last reference goes.
        }

        _queue.Dispose();
        Volatile.Write(ref _spare, null);
    }

    private static nuint Ident(SocketHandle socket) => (nuint)socket.Value;

    /// <summary>
    /// Makes <paramref name="changes"/> in one <c>kevent</c> call, each with its receipt, and throws the
    /// first failure. With <paramref name="undoOnFailure"/> the changes that did succeed are deleted first,
    /// so a failed Add registers nothing.
    /// </summary>
    private void Apply(ReadOnlySpan<KeventRecord> changes, bool undoOnFailure)
    {
        if (changes.Length == 0)
        {
            return;
        }

        Span<KeventRecord> receipts = stackalloc KeventRecord[KqueueTranslation.MaxChanges];
        var answered = Submit(changes, receipts);
        var error = KqueueTranslation.FirstError(changes, receipts[..answered], _numbers, unanswered: Native.EINVAL);
        if (error == 0)
        {
            return;
        }

        if (undoOnFailure)
        {
            Span<KeventRecord> undo = stackalloc KeventRecord[KqueueTranslation.MaxChanges];
            var count = KqueueTranslation.Undo(changes, receipts[..answered], undo, _numbers);
            if (count > 0)
            {
                _ = Submit(undo[..count], receipts);
            }
        }

        throw new OSErrorException(error, OSErrorSpace.Errno, "kevent");
    }

    /// <summary>One <c>kevent</c> call that only makes changes: returns how many receipts came back.</summary>
    private int Submit(ReadOnlySpan<KeventRecord> changes, Span<KeventRecord> receipts)
    {
        var size = _layout.Size;
        var list = stackalloc byte[KqueueTranslation.MaxChanges * size];
        var answers = stackalloc byte[KqueueTranslation.MaxChanges * size];
        for (var i = 0; i < changes.Length; i++)
        {
            _layout.Write(list, i, changes[i]);
        }

        // A zero time-out: with receipts requested the kernel answers them without collecting events.
        var time = stackalloc byte[Native.timespec.Size];
        new Span<byte>(time, Native.timespec.Size).Clear();
        var added = false;
        try
        {
            _queue.DangerousAddRef(ref added);
            var queue = (int)_queue.DangerousGetHandle();
            while (true)
            {
                var count = Native.kevent_call(queue, list, changes.Length, answers, changes.Length, time);
                if (count >= 0)
                {
                    for (var i = 0; i < count; i++)
                    {
                        receipts[i] = _layout.Read(answers, i);
                    }

                    return count;
                }

                // Interrupted before the changes were taken: they are idempotent, so make them again.
                if (Marshal.GetLastPInvokeError() != Native.EINTR)
                {
                    throw OSErrorException.FromLastError("kevent");
                }
            }
        }
        finally
        {
            if (added)
            {
                _queue.DangerousRelease();
            }
        }
    }

    /// <summary>The wait buffer kept from the last wait if it is big enough, else a new one (pinned: the kernel writes it).</summary>
    private byte[] RentBuffer(int records)
    {
        var bytes = records * _layout.Size;
        var buffer = Interlocked.Exchange(ref _spare, null);
        return buffer is not null && buffer.Length >= bytes ? buffer : GC.AllocateUninitializedArray<byte>(bytes, pinned: true);
    }

    private void ReturnBuffer(byte[] buffer)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            Volatile.Write(ref _spare, buffer);
        }
    }
}
