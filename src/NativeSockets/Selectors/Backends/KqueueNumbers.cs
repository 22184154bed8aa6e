using NativeSockets.Interop;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// The kqueue numbers of one platform. macOS and FreeBSD share all but <c>EVFILT_USER</c> (-10 on
/// macOS, -11 on FreeBSD), so the backend never writes one: <see cref="Running"/> reads them from the
/// running platform's definitions, and tests build the other platform's from its generated constants.
/// </summary>
internal sealed record KqueueNumbers(
    short FilterRead,
    short FilterWrite,
    short FilterUser,
    ushort Add,
    ushort Delete,
    ushort Enable,
    ushort Clear,
    ushort Receipt,
    ushort Dispatch,
    ushort Error,
    ushort EndOfFile,
    uint Trigger,
    int NoSuchEntry)
{
    /// <summary>The running platform's numbers (macOS or FreeBSD; elsewhere the facade throws PlatformNotSupportedException).</summary>
    public static KqueueNumbers Running => new(
        (short)Native.EVFILT_READ,
        (short)Native.EVFILT_WRITE,
        (short)Native.EVFILT_USER,
        (ushort)Native.EV_ADD,
        (ushort)Native.EV_DELETE,
        (ushort)Native.EV_ENABLE,
        (ushort)Native.EV_CLEAR,
        (ushort)Native.EV_RECEIPT,
        (ushort)Native.EV_DISPATCH,
        (ushort)Native.EV_ERROR,
        (ushort)Native.EV_EOF,
        (uint)Native.NOTE_TRIGGER,
        Native.ENOENT);
}
