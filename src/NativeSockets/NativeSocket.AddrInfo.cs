using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getAddrInfo</c>: resolves <paramref name="address"/> (a name or a numeric address) and
    /// <paramref name="port"/> into a list of socket addresses for the family, type and protocol asked
    /// for (by default IPv4 TCP). As in Nim: for <see cref="Domain.AF_INET6"/> it asks for
    /// <c>AI_V4MAPPED</c> (so "127.0.0.1" gives <c>::ffff:127.0.0.1</c>); for
    /// <see cref="SockType.SOCK_RAW"/> no service is passed, so the port is ignored and comes back 0;
    /// "" is not the wildcard (it fails). A null <paramref name="address"/> is C's null node: these hints
    /// have no <c>AI_PASSIVE</c>, so it gives the loopback address of the family (127.0.0.1, ::1), and
    /// <c>GetAddrInfo(null, port)</c> compiles and resolves to this overload. Thread-safe. The caller
    /// owns the list: free it once with <see cref="FreeAddrInfo"/>, or use <see cref="EnumerateAddrInfo"/>,
    /// which frees it itself.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="address"/> contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is not a member of its enum.</exception>
    /// <exception cref="OSErrorException">
    /// <c>getaddrinfo</c> failed: its <c>EAI_*</c> code (<see cref="OSErrorSpace.AddrInfo"/>) with the
    /// platform's text for it (e.g. "Name or service not known"), and what was looked up; for
    /// <c>EAI_SYSTEM</c> (POSIX), the system's error behind it instead (<see cref="OSErrorSpace.Errno"/>,
    /// e.g. EMFILE when the process has no descriptor left).
    /// </exception>
    [OverloadResolutionPriority(1)]
    public static AddrInfo* GetAddrInfo(
        string? address, Port port, Domain domain = Domain.AF_INET, SockType sockType = SockType.SOCK_STREAM, Protocol protocol = Protocol.IPPROTO_TCP)
    {
        var addressText = address is null ? null : CStrings.ToUtf8(address, nameof(address));
        fixed (byte* node = addressText)
        {
            return GetAddrInfo(node, address, port, domain, sockType, protocol);
        }
    }

    /// <summary>
    /// <see cref="GetAddrInfo(string, Port, Domain, SockType, Protocol)"/> for an address given as UTF-8
    /// (e.g. <c>"127.0.0.1"u8</c>), which allocates nothing unless it throws. The same rules and errors;
    /// the address may be at most <see cref="MaxUtf8HostLength"/> bytes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="address"/> contains a NUL byte or is longer than <see cref="MaxUtf8HostLength"/> bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is not a member of its enum.</exception>
    /// <exception cref="OSErrorException"><c>getaddrinfo</c> failed, with its <c>EAI_*</c> code (for <c>EAI_SYSTEM</c>, the system's error behind it).</exception>
    [SkipLocalsInit]
    public static AddrInfo* GetAddrInfo(
        ReadOnlySpan<byte> address, Port port, Domain domain = Domain.AF_INET, SockType sockType = SockType.SOCK_STREAM, Protocol protocol = Protocol.IPPROTO_TCP)
    {
        // A frame local rather than a stackalloc: the JIT reserves it with the frame, where a stackalloc
        // of this size is a dynamic allocation with a stack probe on every call.
        Unsafe.SkipInit(out Utf8HostBuffer node);
        CStrings.CopyUtf8(address, node, nameof(address));
        return GetAddrInfo((byte*)&node, null, port, domain, sockType, protocol);
    }

    [InlineArray(Utf8HostBufferLength)]
    private struct Utf8HostBuffer
    {
        private byte _first;
    }

    /// <summary>
    /// <c>getaddrinfo</c> as C has it, for callers that prepare the NUL-terminated strings and the hints
    /// once and look up many times, and for lookups whose failure is an expected answer: it never throws for
    /// a failed lookup. Resolves <paramref name="node"/> and <paramref name="service"/> (either may be null,
    /// not both) with <paramref name="hints"/> passed as given (null: any family, type and protocol; Nim's
    /// rules of the other overloads, <c>AI_V4MAPPED</c> for IPv6 and no service for raw sockets, are not
    /// applied). Returns 0 with the list in <paramref name="result"/>, which the caller frees with
    /// <see cref="FreeAddrInfo"/>; or an <c>EAI_*</c> code (<see cref="EAI_NONAME"/>...) with
    /// <paramref name="result"/> null, whose text <c>new OSErrorException(code, OSErrorSpace.AddrInfo)</c>
    /// gives; after <c>EAI_SYSTEM</c> (POSIX) the system's error behind it is
    /// <see cref="Marshal.GetLastPInvokeError"/>. Allocates nothing.
    /// </summary>
    public static int GetAddrInfo(byte* node, byte* service, AddrInfo* hints, out AddrInfo* result)
    {
        Winsock.EnsureStarted();
        AddrInfo* list = null;
        var code = Native.getaddrinfo(node, service, hints, (void**)&list);
        result = code == 0 ? list : null;
        return code;
    }

    /// <summary>The longest UTF-8 address <see cref="GetAddrInfo(ReadOnlySpan{byte}, Port, Domain, SockType, Protocol)"/> takes: a host name is at most 253 bytes.</summary>
    public static int MaxUtf8HostLength => Utf8HostBufferLength - 1;

    private const int Utf8HostBufferLength = 1025;

    /// <summary>getaddrinfo with Nim's hints; <paramref name="address"/> is only for the error message (null: decode <paramref name="node"/>, which may be null).</summary>
    // Not inlined into the overloads: they spend the JIT's inlining budget on the copy of the address,
    // and the hints' platform dispatch then stays a chain of calls instead of folding to four stores.
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static AddrInfo* GetAddrInfo(byte* node, string? address, Port port, Domain domain, SockType sockType, Protocol protocol)
    {
        AddrInfo hints = default;
        var hintsView = new Native.addrinfo(&hints);
        hintsView.ai_family = ToInt(domain);
        hintsView.ai_socktype = ToInt(sockType);
        hintsView.ai_protocol = ToInt(protocol);
        hintsView.ai_flags = domain == Domain.AF_INET6 && Native.Defined.AI_V4MAPPED ? Native.AI_V4MAPPED : 0;

        // The service is the port in decimal, or none for raw sockets, which have no ports.
        var digits = stackalloc byte[ServiceTextLength];
        var service = sockType == SockType.SOCK_RAW ? null : ServiceText(port.Value, digits);
        var result = GetAddrInfo(node, service, &hints, out var list);
        return result == 0 ? list : throw AddrInfoError(result, node, address, port, domain, sockType, protocol);
    }

    // "65535" and its NUL.
    private const int ServiceTextLength = 6;

    /// <summary>
    /// Writes <paramref name="port"/> in decimal, NUL-terminated, at the end of <paramref name="buffer"/>
    /// (<see cref="ServiceTextLength"/> bytes) and returns where it starts. Done by hand because this runs on
    /// every lookup, where the general formatters cost a noticeable share of a numeric getaddrinfo.
    /// </summary>
    private static byte* ServiceText(ushort port, byte* buffer)
    {
        var start = buffer + ServiceTextLength - 1;
        *start = 0;
        do
        {
            *--start = (byte)('0' + (port % 10));
            port /= 10;
        }
        while (port != 0);

        return start;
    }

    // Out of line: the message formatting would otherwise enlarge the frame every successful call sets up.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static OSErrorException AddrInfoError(int result, byte* node, string? address, Port port, Domain domain, SockType sockType, Protocol protocol)
    {
        // EAI_SYSTEM says only that errno has the reason (EMFILE, ENOMEM...): that is the error to report.
        var systemError = Native.Defined.EAI_SYSTEM && result == Native.EAI_SYSTEM ? Marshal.GetLastPInvokeError() : 0;
        var nodeText = address is null && node is null ? "null" : $"\"{address ?? CStrings.FromUtf8(node)}\"";
        var lookedUp = string.Create(
            CultureInfo.InvariantCulture, $"getAddrInfo({nodeText}, {port}, {domain}, {sockType}, {protocol})");
        return systemError != 0
            ? new OSErrorException(systemError, OSErrorSpace.Errno, lookedUp)
            : new OSErrorException(result, OSErrorSpace.AddrInfo, lookedUp);
    }

    /// <summary>
    /// Nim's <c>freeAddrInfo</c>: frees a list <see cref="GetAddrInfo(string, Port, Domain, SockType, Protocol)"/> returned. Free each list exactly
    /// once; null is ignored.
    /// </summary>
    public static void FreeAddrInfo(AddrInfo* addrInfo)
    {
        if (addrInfo is not null)
        {
            Native.freeaddrinfo(addrInfo);
        }
    }
}
