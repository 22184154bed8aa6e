using System;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// What the kqueue backend says to the kernel and how it reads the answers, as pure functions of
/// <see cref="KeventRecord"/>s and a platform's <see cref="KqueueNumbers"/>, so they can be checked on
/// any machine. One filter per interest (<c>EVFILT_READ</c>, <c>EVFILT_WRITE</c>), level-triggered,
/// the token as <c>udata</c>; every change asks for a receipt (<c>EV_RECEIPT</c>), so each reports its
/// own error in order.
/// </summary>
internal static unsafe class KqueueTranslation
{
    /// <summary>The most changes one call builds (<see cref="Modify"/>: a delete and an add per filter).</summary>
    public const int MaxChanges = 4;

    /// <summary>The user event that wakes a wait; tokens travel in <c>udata</c>, so ident 0 is free.</summary>
    public const nuint WakerIdent = 0;

    /// <summary>The changes that start watching <paramref name="descriptor"/>; returns how many were written.</summary>
    public static int Add(Span<KeventRecord> changes, nuint descriptor, ulong token, Event interest, KqueueNumbers numbers)
    {
        var count = 0;
        var flags = AddFlags(interest, numbers);
        if ((interest & Event.Read) != 0)
        {
            changes[count++] = Change(descriptor, numbers.FilterRead, flags, token);
        }

        if ((interest & Event.Write) != 0)
        {
            changes[count++] = Change(descriptor, numbers.FilterWrite, flags, token);
        }

        return count;
    }

    /// <summary>
    /// The changes that replace a registration's interest: each filter is deleted (a filter never added
    /// answers ENOENT, which <see cref="FirstError"/> ignores) and the wanted ones added again, so the
    /// kernel holds exactly the new interest with its own flags (an <c>EV_DISPATCH</c> filter is only
    /// cleared by deleting it).
    /// </summary>
    public static int Modify(Span<KeventRecord> changes, nuint descriptor, ulong token, Event interest, KqueueNumbers numbers)
    {
        var count = Remove(changes, descriptor, numbers);
        return count + Add(changes[count..], descriptor, token, interest, numbers);
    }

    /// <summary>The changes that stop watching <paramref name="descriptor"/>: both filters deleted.</summary>
    public static int Remove(Span<KeventRecord> changes, nuint descriptor, KqueueNumbers numbers)
    {
        var flags = (ushort)(numbers.Delete | numbers.Receipt);
        changes[0] = Change(descriptor, numbers.FilterRead, flags, 0);
        changes[1] = Change(descriptor, numbers.FilterWrite, flags, 0);
        return 2;
    }

    /// <summary>
    /// The deletes that undo the adds among <paramref name="changes"/> that succeeded, when another
    /// failed: a failed Add leaves nothing registered. Returns how many were written.
    /// </summary>
    public static int Undo(ReadOnlySpan<KeventRecord> changes, ReadOnlySpan<KeventRecord> receipts, Span<KeventRecord> undo, KqueueNumbers numbers)
    {
        var count = 0;
        for (var i = 0; i < changes.Length && i < receipts.Length; i++)
        {
            if ((changes[i].Flags & numbers.Add) != 0 && ErrorOf(receipts[i], numbers) == 0)
            {
                undo[count++] = Change(changes[i].Ident, changes[i].Filter, (ushort)(numbers.Delete | numbers.Receipt), 0);
            }
        }

        return count;
    }

    /// <summary>The user event a wait is woken by, cleared as it is reported (<c>EV_CLEAR</c>).</summary>
    public static KeventRecord WakerRegistration(KqueueNumbers numbers) =>
        Change(WakerIdent, numbers.FilterUser, (ushort)(numbers.Add | numbers.Clear | numbers.Receipt), 0);

    /// <summary>Triggers the user event (<c>NOTE_TRIGGER</c>).</summary>
    public static KeventRecord WakerTrigger(KqueueNumbers numbers)
    {
        var trigger = Change(WakerIdent, numbers.FilterUser, (ushort)(numbers.Add | numbers.Receipt), 0);
        trigger.Fflags = numbers.Trigger;
        return trigger;
    }

    /// <summary>
    /// The error number of the first change that failed, or 0. <paramref name="receipts"/>[i] answers
    /// <paramref name="changes"/>[i]; a delete answered ENOENT (the filter was not there) is no failure,
    /// and a change left without a receipt is one (EINVAL: the kernel did not take it).
    /// </summary>
    public static int FirstError(ReadOnlySpan<KeventRecord> changes, ReadOnlySpan<KeventRecord> receipts, KqueueNumbers numbers, int unanswered)
    {
        for (var i = 0; i < changes.Length; i++)
        {
            if (i >= receipts.Length)
            {
                return unanswered;
            }

            var error = ErrorOf(receipts[i], numbers);
            var isDelete = (changes[i].Flags & numbers.Delete) != 0;
            if (error != 0 && !(isDelete && error == numbers.NoSuchEntry))
            {
                return error;
            }
        }

        return 0;
    }

    /// <summary>
    /// Turns the <paramref name="count"/> records at <paramref name="list"/> into readiness records;
    /// returns how many were written to <paramref name="events"/> (the waker's records are dropped).
    /// </summary>
    public static int Translate(void* list, int count, KeventLayout layout, KqueueNumbers numbers, Span<BackendEvent> events)
    {
        var written = 0;
        for (var i = 0; i < count && written < events.Length; i++)
        {
            if (TryTranslate(layout.Read(list, i), numbers, out events[written]))
            {
                written++;
            }
        }

        return written;
    }

    /// <summary>
    /// One record as readiness: <c>EVFILT_READ</c> is Read, <c>EVFILT_WRITE</c> Write; <c>EV_EOF</c>
    /// (the peer shut down) adds Read, so the end of the stream is read as on epoll rather than reported
    /// as an error as Nim's kqueue backend does, plus Error with the socket's error when
    /// <c>fflags</c> holds one; <c>EV_ERROR</c> is Error with <c>data</c> as the code. False for the
    /// waker's user event and any filter the backend never registers.
    /// </summary>
    public static bool TryTranslate(in KeventRecord record, KqueueNumbers numbers, out BackendEvent result)
    {
        result = default;
        if ((record.Flags & numbers.Error) != 0 && record.Filter != numbers.FilterUser)
        {
            result = new BackendEvent { Token = record.Udata, Events = Event.Error, ErrorCode = (int)record.Data };
            return true;
        }

        var events = record.Filter == numbers.FilterRead ? Event.Read
            : record.Filter == numbers.FilterWrite ? Event.Write
            : Event.None;
        if (events == Event.None)
        {
            return false;
        }

        var errorCode = 0;
        if ((record.Flags & numbers.EndOfFile) != 0)
        {
            events |= Event.Read;
            if (record.Fflags != 0)
            {
                events |= Event.Error;
                errorCode = (int)record.Fflags;
            }
        }

        result = new BackendEvent { Token = record.Udata, Events = events, ErrorCode = errorCode };
        return true;
    }

    private static ushort AddFlags(Event interest, KqueueNumbers numbers)
    {
        var flags = numbers.Add | numbers.Enable | numbers.Receipt;
        if ((interest & Event.Oneshot) != 0)
        {
            // Reported once, then disabled until Modify adds the filter again.
            flags |= numbers.Dispatch;
        }

        return (ushort)flags;
    }

    private static int ErrorOf(in KeventRecord receipt, KqueueNumbers numbers) =>
        (receipt.Flags & numbers.Error) != 0 ? (int)receipt.Data : 0;

    private static KeventRecord Change(nuint ident, short filter, ushort flags, ulong token) =>
        new() { Ident = ident, Filter = filter, Flags = flags, Udata = token };
}
