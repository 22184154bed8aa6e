using System;

namespace NativeSockets.Selectors;

/// <summary>
/// The timers' deadlines, earliest first (a binary min-heap). An entry of a timer unregistered meanwhile
/// stays until it comes to the top, where its token no longer resolves; <see cref="Compact"/> drops them
/// when they outnumber the live timers, so memory follows the number of timers.
/// </summary>
internal sealed class TimerQueue
{
    private Entry[] _heap = new Entry[8];

    /// <summary>How many entries there are, stale ones included.</summary>
    public int Count { get; private set; }

    /// <summary>The earliest deadline, or long.MaxValue if there is none.</summary>
    public long EarliestDeadline => Count == 0 ? long.MaxValue : _heap[0].Deadline;

    /// <summary>The token of the earliest entry (Count must be positive).</summary>
    public ulong EarliestToken => _heap[0].Token;

    public void Push(long deadline, ulong token)
    {
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var index = Count++;
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (_heap[parent].Deadline <= deadline)
            {
                break;
            }

            _heap[index] = _heap[parent];
            index = parent;
        }

        _heap[index] = new Entry(deadline, token);
    }

    /// <summary>Removes the earliest entry (Count must be positive).</summary>
    public void Pop()
    {
        var last = _heap[--Count];
        var index = 0;
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _heap[child + 1].Deadline < _heap[child].Deadline)
            {
                child++;
            }

            if (last.Deadline <= _heap[child].Deadline)
            {
                break;
            }

            _heap[index] = _heap[child];
            index = child;
        }

        if (Count > 0)
        {
            _heap[index] = last;
        }
    }

    /// <summary>Keeps only the entries <paramref name="isLive"/> accepts.</summary>
    public void Compact(Func<ulong, bool> isLive)
    {
        var entries = _heap.AsSpan(0, Count).ToArray();
        Count = 0;
        foreach (var entry in entries)
        {
            if (isLive(entry.Token))
            {
                Push(entry.Deadline, entry.Token);
            }
        }
    }

    private readonly record struct Entry(long Deadline, ulong Token);
}
