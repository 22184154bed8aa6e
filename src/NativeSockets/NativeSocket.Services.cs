using System;
using System.Runtime.CompilerServices;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getServByName</c>: the service called <paramref name="name"/> (or one of its aliases) over
    /// <paramref name="proto"/> ("tcp", "udp"), from the services database. Thread-safe
    /// (<c>getservbyname_r</c>; on Windows and macOS <c>getservbyname</c>, whose result is per thread there).
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
        fixed (byte* namePointer = nameText, protoPointer = protoText)
        {
            return FindService(namePointer, 0, protoPointer, &ToServent, out var servent, out var result)
                ? servent
                : throw ServiceError(result, $"{name}/{proto}");
        }
    }

    /// <summary>
    /// <see cref="GetServByName"/> for a name and protocol given as UTF-8 (e.g. <c>"http"u8</c>, <c>"tcp"u8</c>)
    /// that gives only the port and allocates nothing: true with the port (host byte order) when the service
    /// exists, false when it does not. Each argument may be at most <see cref="MaxUtf8HostLength"/> bytes.
    /// </summary>
    /// <exception cref="ArgumentException">An argument contains a NUL byte or is longer than <see cref="MaxUtf8HostLength"/> bytes.</exception>
    /// <exception cref="OSErrorException">The lookup failed, with its errno (its Winsock error on Windows).</exception>
    [SkipLocalsInit]
    public static bool TryGetServByName(ReadOnlySpan<byte> name, ReadOnlySpan<byte> proto, out Port port)
    {
        // Constant sizes: the JIT reserves them with the frame (see GetAddrInfo's UTF-8 overload).
        var nameText = stackalloc byte[Utf8HostBufferLength];
        var protoText = stackalloc byte[Utf8HostBufferLength];
        CStrings.CopyUtf8(name, new Span<byte>(nameText, Utf8HostBufferLength), nameof(name));
        CStrings.CopyUtf8(proto, new Span<byte>(protoText, Utf8HostBufferLength), nameof(proto));
        if (FindService(nameText, 0, protoText, &PortOf, out port, out var result))
        {
            return true;
        }

        return result == 0 ? false : throw ServiceError(result, $"{CStrings.FromUtf8(nameText)}/{CStrings.FromUtf8(protoText)}");
    }

    /// <summary>
    /// Nim's <c>getServByPort</c>: the service on <paramref name="port"/> over <paramref name="proto"/>,
    /// from the services database. Unlike Nim, <paramref name="port"/> is in host byte order
    /// (<c>GetServByPort(new Port(443), "tcp")</c> is https) and every port works. Thread-safe
    /// (<c>getservbyport_r</c>; on Windows and macOS <c>getservbyport</c>, whose result is per thread there).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="proto"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="proto"/> contains a NUL character.</exception>
    /// <exception cref="OSErrorException">
    /// No such service: code 0 and "Service not found: PORT/PROTO."; or the lookup failed, with its errno (its Winsock error on Windows).
    /// </exception>
    public static Servent GetServByPort(Port port, string proto)
    {
        var protoText = CStrings.ToUtf8(proto, nameof(proto));
        fixed (byte* protoPointer = protoText)
        {
            return FindService(null, Htons(port.Value), protoPointer, &ToServent, out var servent, out var result)
                ? servent
                : throw ServiceError(result, $"{port}/{proto}");
        }
    }

    // Most entries fit in this much stack; a larger one is looked up again in a growing heap buffer.
    private const int StackServiceBytes = 1024;

    /// <summary>
    /// <c>getservbyname_r</c> (or, when <paramref name="name"/> is null, <c>getservbyport_r</c> with
    /// <paramref name="networkPort"/>), then <paramref name="read"/> of the entry while the buffer its
    /// strings point into is alive. False when there is no entry: <paramref name="result"/> is 0 for
    /// "not found", otherwise the call's error number. Tests pass a smaller <paramref name="stackBytes"/> to
    /// take the heap path.
    /// </summary>
    [SkipLocalsInit]
    internal static bool FindService<T>(
        byte* name, int networkPort, byte* proto, delegate*<void*, T> read, out T value, out int result, int stackBytes = StackServiceBytes)
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS())
        {
            // Winsock and macOS's Libinfo have no reentrant lookups: getservby* keep the entry per thread,
            // so it is read at once. Libinfo reports no error, only "no entry".
            Winsock.EnsureStarted();

            // Winsock compares the port with servent's 16-bit s_port after sign extension (Wine does so),
            // so it gets it sign-extended: the same low 16 bits Winsock reads, and ports from 32768 work.
            // Libinfo takes C's htons() value, zero-extended.
            var entryFound = name is not null
                ? Native.getservbyname(name, proto)
                : Native.getservbyport(OperatingSystem.IsWindows() ? unchecked((short)networkPort) : networkPort, proto);
            result = OperatingSystem.IsWindows() ? Winsock.LookupResult(entryFound) : 0;
            return Read(result, entryFound, read, out value);
        }

        var entry = stackalloc byte[Native.servent.Size];
        var stackBuffer = stackalloc byte[StackServiceBytes];
        void* found;
        result = QueryService(name, networkPort, proto, entry, stackBuffer, (nuint)Math.Min(stackBytes, StackServiceBytes), &found);
        if (result != Native.ERANGE)
        {
            return Read(result, found, read, out value);
        }

        using var buffer = new LookupBuffer();
        while (buffer.Retry(result, name is null ? "getservbyport_r" : "getservbyname_r"))
        {
            result = QueryService(name, networkPort, proto, entry, buffer.Pointer, buffer.Length, &found);
        }

        return Read(result, found, read, out value);
    }

    private static int QueryService(byte* name, int networkPort, byte* proto, void* entry, byte* buffer, nuint length, void** found)
    {
        var result = name is not null
            ? Native.getservbyname_r(name, proto, entry, buffer, length, found)
            : Native.getservbyport_r(networkPort, proto, entry, buffer, length, found);
        if (OperatingSystem.IsFreeBSD())
        {
            return FreeBsdLookups.EntryResult(result, *found is not null);
        }

        // musl answers "not found" with ENOENT, and a protocol other than tcp and udp (its only two) with
        // EINVAL, where glibc answers 0 and no entry; its failures are ENOMEM and ERANGE.
        return PlatformDetection.IsMusl && (result == Native.ENOENT || result == Native.EINVAL) && *found is null ? 0 : result;
    }

    private static bool Read<T>(int result, void* found, delegate*<void*, T> read, out T value)
    {
        var exists = result == 0 && found is not null;
        value = exists ? read(found) : default!;
        return exists;
    }

    internal static Port PortOf(void* found) => new(Ntohs(unchecked((ushort)new Native.servent(found).s_port)));

    private static Servent ToServent(void* found)
    {
        var entry = new Native.servent(found);
        return new Servent(
            CStrings.FromUtf8(entry.s_name),
            CStrings.FromUtf8List(entry.s_aliases),
            PortOf(found),
            CStrings.FromUtf8(entry.s_proto));
    }

    /// <summary>Why a service lookup gave no entry: <paramref name="result"/> 0 for "not found", else its error number.</summary>
    private static OSErrorException ServiceError(int result, string lookedUp) => result != 0
        ? new OSErrorException(result, OSErrorException.LastErrorSpace, $"Service lookup failed: {lookedUp}.")
        : new OSErrorException(0, OSErrorSpace.None, $"Service not found: {lookedUp}.");
}
