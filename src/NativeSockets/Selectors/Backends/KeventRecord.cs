namespace NativeSockets.Selectors.Backends;

/// <summary>
/// The fields of one <c>struct kevent</c>, whatever the platform's layout (32 bytes on macOS, 64 on
/// FreeBSD): what <see cref="KqueueTranslation"/> reads and writes, and <see cref="KeventLayout"/>
/// moves to and from the kernel's records.
/// </summary>
internal struct KeventRecord
{
    /// <summary>The descriptor a filter watches (or the user event's number).</summary>
    public nuint Ident;

    /// <summary>The filter: <c>EVFILT_READ</c>, <c>EVFILT_WRITE</c>, <c>EVFILT_USER</c>.</summary>
    public short Filter;

    /// <summary>The <c>EV_*</c> action and status flags.</summary>
    public ushort Flags;

    /// <summary>Filter flags: <c>NOTE_TRIGGER</c> going in; the socket's error with <c>EV_EOF</c> coming out.</summary>
    public uint Fflags;

    /// <summary>Filter data: bytes ready, or the error number of an <c>EV_ERROR</c> record.</summary>
    public long Data;

    /// <summary>The opaque value the kernel hands back: the registration's token.</summary>
    public ulong Udata;
}
