using System;
using NativeSockets.Interop;
using NativeSockets.Selectors.Backends;

namespace NativeSockets.Tests.Selectors;

/// <summary>
/// macOS's and FreeBSD's kqueue numbers and record layouts from their generated constants and
/// structs, for checking the kqueue backend's translation on a machine that runs neither.
/// </summary>
internal static unsafe class KqueueTestPlatforms
{
    public static KqueueNumbers Numbers(string platform) => platform switch
    {
        "osx-x64" => new(
            (short)OsxX64.EVFILT_READ, (short)OsxX64.EVFILT_WRITE, (short)OsxX64.EVFILT_USER,
            (ushort)OsxX64.EV_ADD, (ushort)OsxX64.EV_DELETE, (ushort)OsxX64.EV_ENABLE, (ushort)OsxX64.EV_CLEAR,
            (ushort)OsxX64.EV_RECEIPT, (ushort)OsxX64.EV_DISPATCH, (ushort)OsxX64.EV_ERROR, (ushort)OsxX64.EV_EOF,
            (uint)OsxX64.NOTE_TRIGGER, OsxX64.ENOENT),
        "freebsd-x64" => new(
            (short)FreebsdX64.EVFILT_READ, (short)FreebsdX64.EVFILT_WRITE, (short)FreebsdX64.EVFILT_USER,
            (ushort)FreebsdX64.EV_ADD, (ushort)FreebsdX64.EV_DELETE, (ushort)FreebsdX64.EV_ENABLE, (ushort)FreebsdX64.EV_CLEAR,
            (ushort)FreebsdX64.EV_RECEIPT, (ushort)FreebsdX64.EV_DISPATCH, (ushort)FreebsdX64.EV_ERROR, (ushort)FreebsdX64.EV_EOF,
            (uint)FreebsdX64.NOTE_TRIGGER, FreebsdX64.ENOENT),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "not a kqueue platform"),
    };

    public static KeventLayout Layout(string platform) => platform switch
    {
        "osx-x64" => new(sizeof(OsxX64.kevent), &ReadOsxX64, &WriteOsxX64),
        "osx-arm64" => new(sizeof(OsxArm64.kevent), &ReadOsxArm64, &WriteOsxArm64),
        "freebsd-x64" => new(sizeof(FreebsdX64.kevent), &ReadFreebsdX64, &WriteFreebsdX64),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "not a kqueue platform"),
    };

    /// <summary>The records as the kernel would hand them over: one list in the layout's stride.</summary>
    public static byte[] List(KeventLayout layout, KeventRecord[] records)
    {
        var list = new byte[records.Length * layout.Size];
        fixed (byte* pointer = list)
        {
            for (var i = 0; i < records.Length; i++)
            {
                layout.Write(pointer, i, records[i]);
            }
        }

        return list;
    }

    private static KeventRecord ReadOsxX64(void* p)
    {
        var k = (OsxX64.kevent*)p;
        return new() { Ident = k->ident, Filter = k->filter, Flags = k->flags, Fflags = k->fflags, Data = k->data, Udata = (ulong)k->udata };
    }

    private static void WriteOsxX64(void* p, KeventRecord* r) =>
        *(OsxX64.kevent*)p = new() { ident = r->Ident, filter = r->Filter, flags = r->Flags, fflags = r->Fflags, data = (nint)r->Data, udata = (void*)r->Udata };

    private static KeventRecord ReadOsxArm64(void* p)
    {
        var k = (OsxArm64.kevent*)p;
        return new() { Ident = k->ident, Filter = k->filter, Flags = k->flags, Fflags = k->fflags, Data = k->data, Udata = (ulong)k->udata };
    }

    private static void WriteOsxArm64(void* p, KeventRecord* r) =>
        *(OsxArm64.kevent*)p = new() { ident = r->Ident, filter = r->Filter, flags = r->Flags, fflags = r->Fflags, data = (nint)r->Data, udata = (void*)r->Udata };

    private static KeventRecord ReadFreebsdX64(void* p)
    {
        var k = (FreebsdX64.kevent*)p;
        return new() { Ident = k->ident, Filter = k->filter, Flags = k->flags, Fflags = k->fflags, Data = k->data, Udata = (ulong)k->udata };
    }

    private static void WriteFreebsdX64(void* p, KeventRecord* r)
    {
        var k = (FreebsdX64.kevent*)p;
        k->ident = r->Ident;
        k->filter = r->Filter;
        k->flags = r->Flags;
        k->fflags = r->Fflags;
        k->data = r->Data;
        k->udata = (void*)r->Udata;
    }
}
