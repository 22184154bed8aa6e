using System;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getProtoByName</c>: the number of the protocol called <paramref name="name"/> (or one of
    /// its aliases; glibc matches "TCP" too) in the protocols database, e.g. 6 for "tcp". Thread-safe
    /// (<c>getprotobyname_r</c>; on Windows <c>getprotobyname</c>, whose result is per thread).
    /// </summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="name"/> contains a NUL character.</exception>
    /// <exception cref="OSErrorException">
    /// No such protocol: code 0 and "protocol not found: NAME" (Nim 2's message); or the lookup failed, with its errno (its Winsock error on Windows).
    /// </exception>
    public static int GetProtoByName(string name)
    {
        var nameText = CStrings.ToUtf8(name, nameof(name));
        if (OperatingSystem.IsWindows())
        {
            fixed (byte* namePointer = nameText)
            {
                Winsock.EnsureStarted();
                var entryFound = Native.getprotobyname(namePointer);
                return ToProtocolNumber(Winsock.LookupResult(entryFound), entryFound, name);
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

        return found is null
            ? throw new OSErrorException(0, OSErrorSpace.None, $"protocol not found: {name}", null)
            : new Native.protoent(found).p_proto;
    }
}
