using System;
using NativeSockets.Interop;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// How <c>struct kevent</c> records sit in memory: their size (the stride of a list) and how one is
/// read and written. <see cref="Running"/> goes through the running platform's view of the struct;
/// a test can describe another platform's generated struct to feed <see cref="KqueueTranslation"/>
/// records in that layout.
/// </summary>
internal readonly unsafe struct KeventLayout
{
    private readonly delegate*<void*, KeventRecord> _read;
    private readonly delegate*<void*, KeventRecord*, void> _write;

    public KeventLayout(int size, delegate*<void*, KeventRecord> read, delegate*<void*, KeventRecord*, void> write)
    {
        Size = size;
        _read = read;
        _write = write;
    }

    /// <summary>The size of one record in bytes.</summary>
    public int Size { get; }

    /// <summary>The layout of the running platform.</summary>
    public static KeventLayout Running => new(Native.kevent.Size, &ReadRunning, &WriteRunning);

    /// <summary>Record <paramref name="index"/> of the list at <paramref name="list"/>.</summary>
    public KeventRecord Read(void* list, int index) => _read((byte*)list + ((nint)index * Size));

    /// <summary>
    /// Writes <paramref name="record"/> as record <paramref name="index"/> of the list, after zeroing it,
    /// so fields the record does not name (FreeBSD's <c>ext</c>) hold nothing stale.
    /// </summary>
    public void Write(void* list, int index, in KeventRecord record)
    {
        var target = (byte*)list + ((nint)index * Size);
        new Span<byte>(target, Size).Clear();
        fixed (KeventRecord* source = &record)
        {
            _write(target, source);
        }
    }

    private static KeventRecord ReadRunning(void* pointer)
    {
        var view = new Native.kevent(pointer);
        return new KeventRecord
        {
            Ident = view.ident,
            Filter = view.filter,
            Flags = view.flags,
            Fflags = view.fflags,
            Data = (long)view.data,
            Udata = (ulong)view.udata,
        };
    }

    private static void WriteRunning(void* pointer, KeventRecord* record)
    {
        var view = new Native.kevent(pointer);
        view.ident = record->Ident;
        view.filter = record->Filter;
        view.flags = record->Flags;
        view.fflags = record->Fflags;
        view.data = (nint)record->Data;
        view.udata = (void*)record->Udata;
    }
}
