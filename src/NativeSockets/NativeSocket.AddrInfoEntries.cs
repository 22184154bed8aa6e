using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// <see cref="GetAddrInfo(string, Port, Domain, SockType, Protocol)"/> as managed values: the same lookup, with the same defaults and errors,
    /// copied into <see cref="AddrInfoEntry"/> objects in the order the platform returned them; the
    /// native list is freed before this returns, whatever happens. A null <paramref name="address"/> is C's
    /// null node: the loopback address of the family.
    /// </summary>
    /// <exception cref="System.ArgumentException"><paramref name="address"/> contains a NUL character.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">An enum argument is not a member of its enum.</exception>
    /// <exception cref="OSErrorException"><c>getaddrinfo</c> failed, as for <see cref="GetAddrInfo(string, Port, Domain, SockType, Protocol)"/>.</exception>
    public static ReadOnlyCollection<AddrInfoEntry> EnumerateAddrInfo(
        string? address, Port port, Domain domain = Domain.AF_INET, SockType sockType = SockType.SOCK_STREAM, Protocol protocol = Protocol.IPPROTO_TCP)
    {
        var list = GetAddrInfo(address, port, domain, sockType, protocol);
        try
        {
            var entries = new List<AddrInfoEntry>();
            for (var entry = list; entry is not null; entry = entry->ai_next)
            {
                entries.Add(new AddrInfoEntry(
                    ToIPEndPoint(entry->ai_addr, entry->ai_addrlen), entry->ai_family, entry->ai_socktype, entry->ai_protocol));
            }

            return entries.AsReadOnly();
        }
        finally
        {
            FreeAddrInfo(list);
        }
    }
}
