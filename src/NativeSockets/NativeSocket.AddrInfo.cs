using System;
using System.Globalization;
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
    /// "" is not the wildcard (it fails). Thread-safe. The caller owns the list: free it once with
    /// <see cref="FreeAddrInfo"/>, or use <see cref="EnumerateAddrInfo"/>, which frees it itself.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="address"/> contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is not a member of its enum.</exception>
    /// <exception cref="OSErrorException">
    /// <c>getaddrinfo</c> failed: its <c>EAI_*</c> code (<see cref="OSErrorSpace.AddrInfo"/>) with the
    /// platform's text for it (e.g. "Name or service not known"), and what was looked up.
    /// </exception>
    public static AddrInfo* GetAddrInfo(
        string address, Port port, Domain domain = Domain.AF_INET, SockType sockType = SockType.SOCK_STREAM, Protocol protocol = Protocol.IPPROTO_TCP)
    {
        var addressText = CStrings.ToUtf8(address, nameof(address));
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
    /// <exception cref="OSErrorException"><c>getaddrinfo</c> failed, with its <c>EAI_*</c> code.</exception>
    public static AddrInfo* GetAddrInfo(
        ReadOnlySpan<byte> address, Port port, Domain domain = Domain.AF_INET, SockType sockType = SockType.SOCK_STREAM, Protocol protocol = Protocol.IPPROTO_TCP)
    {
        if (address.Length > MaxUtf8HostLength)
        {
            throw new ArgumentException($"The address is {address.Length} bytes; at most {MaxUtf8HostLength} are accepted.", nameof(address));
        }

        if (address.Contains((byte)0))
        {
            throw new ArgumentException("The address contains a NUL byte, which C would read as its end.", nameof(address));
        }

        var node = stackalloc byte[address.Length + 1];
        address.CopyTo(new Span<byte>(node, address.Length));
        node[address.Length] = 0;
        return GetAddrInfo(node, null, port, domain, sockType, protocol);
    }

    /// <summary>The longest UTF-8 address <see cref="GetAddrInfo(ReadOnlySpan{byte}, Port, Domain, SockType, Protocol)"/> takes: a host name is at most 253 bytes.</summary>
    public static int MaxUtf8HostLength => 1024;

    /// <summary>getaddrinfo with Nim's hints; <paramref name="address"/> is only for the error message (null: decode <paramref name="node"/>).</summary>
    private static AddrInfo* GetAddrInfo(byte* node, string? address, Port port, Domain domain, SockType sockType, Protocol protocol)
    {
        Winsock.EnsureStarted();
        var hints = new AddrInfo
        {
            ai_family = ToInt(domain),
            ai_socktype = ToInt(sockType),
            ai_protocol = ToInt(protocol),
            ai_flags = domain == Domain.AF_INET6 && Native.Defined.AI_V4MAPPED ? Native.AI_V4MAPPED : 0,
        };

        // The service is the port in decimal, or none for raw sockets, which have no ports.
        var service = stackalloc byte[8];
        var written = 0;
        var formatted = sockType != SockType.SOCK_RAW && port.Value.TryFormat(new Span<byte>(service, 7), out written, default, CultureInfo.InvariantCulture);
        service[written] = 0;
        AddrInfo* list = null;
        var result = Native.getaddrinfo(node, formatted ? service : null, &hints, (void**)&list);
        if (result != 0)
        {
            var lookedUp = string.Create(
                CultureInfo.InvariantCulture, $"getAddrInfo(\"{address ?? CStrings.FromUtf8(node)}\", {port}, {domain}, {sockType}, {protocol})");
            throw new OSErrorException(result, OSErrorSpace.AddrInfo, lookedUp);
        }

        return list;
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
