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
        var hints = new AddrInfo
        {
            ai_family = ToInt(domain),
            ai_socktype = ToInt(sockType),
            ai_protocol = ToInt(protocol),
            ai_flags = domain == Domain.AF_INET6 && Native.Defined.AI_V4MAPPED ? Native.AI_V4MAPPED : 0,
        };
        var serviceText = sockType == SockType.SOCK_RAW ? null : CStrings.ToUtf8(port.ToString(), nameof(port));
        AddrInfo* list = null;
        int result;
        fixed (byte* node = addressText, service = serviceText)
        {
            result = Native.getaddrinfo(node, service, &hints, (void**)&list);
        }

        if (result != 0)
        {
            var lookedUp = string.Create(
                CultureInfo.InvariantCulture, $"getAddrInfo(\"{address}\", {port}, {domain}, {sockType}, {protocol})");
            throw new OSErrorException(result, OSErrorSpace.AddrInfo, lookedUp);
        }

        return list;
    }

    /// <summary>
    /// Nim's <c>freeAddrInfo</c>: frees a list <see cref="GetAddrInfo"/> returned. Free each list exactly
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
