using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// The protocol lookup on musl, which has no <c>getprotobyname_r</c>: its <c>getprotobyname</c> walks a
/// table compiled into musl through one static cursor and returns a pointer into one static entry, so two
/// threads calling it at once can skip entries or read each other's answer. Every call in this library
/// holds one process-wide lock and reads the entry before releasing it. (Code outside the library that
/// calls <c>getprotobyname</c> or <c>getprotoent</c> itself is not serialised with it.) glibc exports the
/// same function, so the locked path is tested there.
/// </summary>
internal static unsafe class MuslProtocolLookup
{
    private static readonly object s_lock = new();

    /// <summary>The number of the protocol called <paramref name="name"/> (a NUL-terminated UTF-8 string), or false when there is none.</summary>
    public static bool TryFind(byte* name, out int number)
    {
        lock (s_lock)
        {
            var found = Native.getprotobyname(name);
            number = found is not null ? new Native.protoent(found).p_proto : 0;
            return found is not null;
        }
    }
}
