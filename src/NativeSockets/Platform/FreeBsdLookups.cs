using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// FreeBSD's reentrant netdb calls (<c>getservbyname_r</c>, <c>gethostbyname2_r</c>...) have glibc's
/// prototypes but not its return values, so each answer is restated in glibc's convention, which the
/// shared lookup code reads: 0 with or without an entry, ERANGE to grow the buffer, otherwise an errno.
/// FreeBSD's libc (lib/libc/net) succeeds only when it sets <c>*result</c>; it returns ERANGE when the
/// entry does not fit; a service or protocol it does not find returns whatever errno its file scan left
/// (0 or a stale value, no error code); a host it does not find returns -1 with <c>*h_errnop</c> set,
/// and a failure of the system returns the errno (or -1) with <c>*h_errnop</c> = NETDB_INTERNAL.
/// Pure functions, so that the rules are tested on any platform.
/// </summary>
internal static class FreeBsdLookups
{
    /// <summary>
    /// A <c>getservby*_r</c> or <c>getprotobyname_r</c> return in glibc's convention: 0 when there is an
    /// entry, ERANGE to grow the buffer, and 0 ("not found") for every other return, whose value means nothing.
    /// </summary>
    public static int EntryResult(int result, bool found) =>
        !found && result == Native.ERANGE ? Native.ERANGE : 0;

    /// <summary>
    /// A <c>gethostby*_r</c> return in glibc's convention: 0 when there is an entry or the resolver said why
    /// not (<paramref name="resolverError"/> is then HOST_NOT_FOUND, TRY_AGAIN...), ERANGE to grow the buffer,
    /// and for NETDB_INTERNAL the errno: the return value when it is one, else <paramref name="lastErrno"/>
    /// (the call's errno, which the binding captures).
    /// </summary>
    public static int HostResult(int result, bool found, int resolverError, int lastErrno)
    {
        if (found)
        {
            return 0;
        }

        if (result == Native.ERANGE)
        {
            return Native.ERANGE;
        }

        // FreeBSD's own number, so the rule reads the same wherever it is tested (musl has no NETDB_INTERNAL).
        if (resolverError != FreebsdX64.NETDB_INTERNAL)
        {
            return 0;
        }

        return result > 0 ? result : lastErrno;
    }
}
