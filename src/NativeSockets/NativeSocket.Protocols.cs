using System;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getProtoByName</c>: the number of the protocol called <paramref name="name"/> (or one of
    /// its aliases; glibc matches "TCP" too) in the protocols database, e.g. 6 for "tcp". Thread-safe:
    /// <c>getprotobyname_r</c> on glibc and FreeBSD; <c>getprotobyname</c> on Windows and macOS, whose result
    /// is per thread there; on musl, which has no <c>getprotobyname_r</c>, <c>getprotobyname</c> under a
    /// process-wide lock (musl matches the official name only, not aliases).
    /// </summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="name"/> contains a NUL character.</exception>
    /// <exception cref="OSErrorException">
    /// No such protocol: code 0 and "protocol not found: NAME" (Nim 2's message); or the lookup failed, with its errno (its Winsock error on Windows).
    /// </exception>
    public static int GetProtoByName(string name)
    {
        var nameText = CStrings.ToUtf8(name, nameof(name));
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS())
        {
            // No getprotobyname_r: Winsock and macOS's Libinfo keep the entry per thread, so it is read at once.
            fixed (byte* namePointer = nameText)
            {
                Winsock.EnsureStarted();
                var entryFound = Native.getprotobyname(namePointer);
                return ToProtocolNumber(OperatingSystem.IsWindows() ? Winsock.LookupResult(entryFound) : 0, entryFound, name);
            }
        }

        if (PlatformDetection.IsMusl)
        {
            fixed (byte* namePointer = nameText)
            {
                return MuslProtocolLookup.TryFind(namePointer, out var number) ? number : throw ProtocolNotFound(name);
            }
        }

        using var buffer = new LookupBuffer();
        var entry = stackalloc byte[Native.protoent.Size];
        void* found;
        int result;
        fixed (byte* namePointer = nameText)
        {
            do
            {
                result = Native.getprotobyname_r(namePointer, entry, buffer.Pointer, buffer.Length, &found);
                if (OperatingSystem.IsFreeBSD())
                {
                    result = FreeBsdLookups.EntryResult(result, found is not null);
                }
            }
            while (buffer.Retry(result, "getprotobyname_r"));
        }

        return ToProtocolNumber(result, found, name);
    }

    /// <summary>The number in the entry a <c>getprotobyname</c> call found, or the exception that says why there is none.</summary>
    private static int ToProtocolNumber(int result, void* found, string name)
    {
        if (result != 0)
        {
            throw new OSErrorException(result, OSErrorException.LastErrorSpace, $"Protocol lookup failed: {name}.");
        }

        return found is null ? throw ProtocolNotFound(name) : new Native.protoent(found).p_proto;
    }

    private static OSErrorException ProtocolNotFound(string name) => new(0, OSErrorSpace.None, $"protocol not found: {name}", null);
}
