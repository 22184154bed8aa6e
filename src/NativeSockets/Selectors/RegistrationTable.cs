using System;
using System.Collections.Generic;

namespace NativeSockets.Selectors;

/// <summary>
/// A selector's registrations: a slot array with a free list, and a dictionary from the key users name a
/// registration by (handle, timer id, event id) to its slot. Memory follows the number of registrations,
/// never the value of a descriptor. A registration's token, which the backend gets, is its slot and the
/// slot's generation, so a token left from an earlier registration of the slot is recognised and dropped.
/// Not thread-safe: the selector holds its lock around every use.
/// </summary>
internal sealed class RegistrationTable<T>
{
    private readonly Dictionary<nint, int> _slotByKey = new();
    private Registration<T>[] _slots = new Registration<T>[16];
    private int _highWater;
    private int _freeHead = -1;

    /// <summary>How many registrations there are.</summary>
    public int Count => _slotByKey.Count;

    /// <summary>The slots in use and free ones below the highest ever used, for a scan of every registration.</summary>
    public int HighWater => _highWater;

    /// <summary>The registration in <paramref name="slot"/>.</summary>
    public ref Registration<T> this[int slot] => ref _slots[slot];

    /// <summary>The token of the registration now in <paramref name="slot"/>.</summary>
    public ulong TokenOf(int slot) => ((ulong)_slots[slot].Generation << 32) | (uint)slot;

    /// <summary>The slot of the registration named <paramref name="key"/>.</summary>
    public bool TryFind(nint key, out int slot) => _slotByKey.TryGetValue(key, out slot);

    /// <summary>The slot <paramref name="token"/> names, if that registration still exists.</summary>
    public bool TryResolve(ulong token, out int slot)
    {
        slot = (int)(uint)token;
        return (uint)slot < (uint)_highWater
            && _slots[slot].Kind != RegistrationKind.Free
            && _slots[slot].Generation == (uint)(token >> 32);
    }

    /// <summary>A new registration of <paramref name="key"/>, which must not be registered; returns its slot.</summary>
    public int Add(nint key, RegistrationKind kind, T data)
    {
        int slot;
        if (_freeHead >= 0)
        {
            slot = _freeHead;
            _freeHead = _slots[slot].NextFree;
        }
        else
        {
            if (_highWater == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
            }

            slot = _highWater++;
        }

        ref var registration = ref _slots[slot];
        var generation = registration.Generation;
        registration = default;
        registration.Generation = generation;
        registration.Kind = kind;
        registration.Key = key;
        registration.Data = data;
        registration.Stamp = -1;
        _slotByKey.Add(key, slot);
        return slot;
    }

    /// <summary>Frees <paramref name="slot"/>: its key is forgotten and its tokens no longer resolve.</summary>
    public void Remove(int slot)
    {
        ref var registration = ref _slots[slot];
        _slotByKey.Remove(registration.Key);
        var generation = registration.Generation + 1;

        // Cleared so the selector keeps no reference to the user's data or event.
        registration = default;
        registration.Generation = generation;
        registration.NextFree = _freeHead;
        _freeHead = slot;
    }
}
