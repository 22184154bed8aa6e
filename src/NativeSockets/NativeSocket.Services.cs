using System;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getServByName</c>: the service called <paramref name="name"/> (or one of its aliases) over
    /// <paramref name="proto"/> ("tcp", "udp"), from the services database. Thread-safe
    /// (<c>getservbyname_r</c>; on Windows <c>getservbyname</c>, whose result is per thread).
    /// <see cref="Servent.Port"/> is in host byte order.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An argument contains a NUL character.</exception>
    /// <exception cref="OSErrorException">
    /// No such service: code 0 and "Service not found: NAME/PROTO." (as in Nim, "" matches no protocol); or
    /// the lookup failed, with its errno (its Winsock error on Windows).
    /// </exception>
    public static Servent GetServByName(string name, string proto)
    {
        var nameText = CStrings.ToUtf8(name, nameof(name));
        var protoText = CStrings.ToUtf8(proto, nameof(proto));
        if (OperatingSystem.IsWindows())
        {
            fixed (byte* namePointer = nameText, protoPointer = protoText)
            {
                Winsock.EnsureStarted();
                var entryFound = Native.getservbyname(namePointer, protoPointer);
                return ToServent(Winsock.LookupResult(entryFound), entryFound, $"{name}/{proto}");
            }
        }

        using var buffer = new LookupBuffer();
        var entry = stackalloc byte[Native.servent.Size];
        void* found;
        int result;
        fixed (byte* namePointer = nameText, protoPointer = protoText)
        {
            do
            {
                result = Native.getservbyname_r(namePointer, protoPointer, entry, buffer.Pointer, buffer.Length, &found);
            }
            while (buffer.Retry(result, "getservbyname_r"));
        }

        return ToServent(result, found, $"{name}/{proto}");
    }

    /// <summary>
    /// Nim's <c>getServByPort</c>: the service on <paramref name="port"/> over <paramref name="proto"/>,
    /// from the services database. Unlike Nim, <paramref name="port"/> is in host byte order
    /// (<c>GetServByPort(new Port(443), "tcp")</c> is https) and every port works. Thread-safe
    /// (<c>getservbyport_r</c>; on Windows <c>getservbyport</c>, whose result is per thread).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="proto"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="proto"/> contains a NUL character.</exception>
    /// <exception cref="OSErrorException">
    /// No such service: code 0 and "Service not found: PORT/PROTO."; or the lookup failed, with its errno (its Winsock error on Windows).
    /// </exception>
    public static Servent GetServByPort(Port port, string proto)
    {
        var protoText = CStrings.ToUtf8(proto, nameof(proto));
        if (OperatingSystem.IsWindows())
        {
            fixed (byte* protoPointer = protoText)
            {
                Winsock.EnsureStarted();
                // The port is compared with servent's 16-bit s_port after sign extension (Wine does so),
                // so pass it sign-extended: the same low 16 bits Winsock reads, and ports from 32768 work.
                var entryFound = Native.getservbyport(unchecked((short)Htons(port.Value)), protoPointer);
                return ToServent(Winsock.LookupResult(entryFound), entryFound, $"{port}/{proto}");
            }
        }

        using var buffer = new LookupBuffer();
        var entry = stackalloc byte[Native.servent.Size];
        void* found;
        int result;
        fixed (byte* protoPointer = protoText)
        {
            do
            {
                result = Native.getservbyport_r(Htons(port.Value), protoPointer, entry, buffer.Pointer, buffer.Length, &found);
            }
            while (buffer.Retry(result, "getservbyport_r"));
        }

        return ToServent(result, found, $"{port}/{proto}");
    }

    /// <summary>The entry a <c>getservby*_r</c> call found, or the exception that says why there is none.</summary>
    private static Servent ToServent(int result, void* found, string lookedUp)
    {
        if (result != 0)
        {
            throw new OSErrorException(result, Winsock.LookupErrorSpace, $"Service lookup failed: {lookedUp}.");
        }

        if (found is null)
        {
            throw new OSErrorException(0, OSErrorSpace.None, $"Service not found: {lookedUp}.");
        }

        var entry = new Native.servent(found);
        return new Servent(
            CStrings.FromUtf8(entry.s_name),
            CStrings.FromUtf8List(entry.s_aliases),
            new Port(Ntohs(unchecked((ushort)entry.s_port))),
            CStrings.FromUtf8(entry.s_proto));
    }
}
