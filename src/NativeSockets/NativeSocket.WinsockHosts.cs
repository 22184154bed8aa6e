using System.Collections.Generic;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

// GetHostByName and GetHostByAddr on Windows. Winsock has no reentrant gethostby*_r; its gethostbyname
// is IPv4-only, so names are resolved with getaddrinfo (what Winsock itself recommends), which gives
// the same families as the POSIX path. gethostbyaddr knows both families and keeps its result per thread.
public static unsafe partial class NativeSocket
{
    /// <summary><see cref="GetHostByName"/> on Winsock: getaddrinfo for IPv4, then IPv6 when there is no IPv4 address.</summary>
    private static Hostent GetHostByNameWinsock(string name, byte[] nameText, int[] families)
    {
        Winsock.EnsureStarted();
        var error = 0;
        foreach (var family in families)
        {
            var hints = default(AddrInfo);
            hints.ai_family = family;
            hints.ai_socktype = Native.SOCK_STREAM;
            hints.ai_flags = Native.AI_CANONNAME;
            AddrInfo* list = null;
            fixed (byte* namePointer = nameText)
            {
                error = Native.getaddrinfo(namePointer, null, &hints, (void**)&list);
            }

            if (error == 0)
            {
                try
                {
                    return ToHostent(list, name, family);
                }
                finally
                {
                    Native.freeaddrinfo(list);
                }
            }

            if (error != Native.WSAHOST_NOT_FOUND && error != Native.WSANO_DATA)
            {
                break;
            }
        }

        throw WinsockResolverError(error, $"getHostByName(\"{name}\")");
    }

    /// <summary><see cref="GetHostByAddr"/> on Winsock: <c>gethostbyaddr</c>, whose result is per thread.</summary>
    private static Hostent GetHostByAddrWinsock(string ip, byte* address, uint length, int family)
    {
        Winsock.EnsureStarted();
        var found = Native.gethostbyaddr(address, (int)length, family);
        return found is not null ? ToHostent(found) : throw WinsockResolverError(Marshal.GetLastPInvokeError(), $"getHostByAddr(\"{ip}\")");
    }

    /// <summary>A host entry from a getaddrinfo list: the canonical name (or the name asked for) and every distinct address.</summary>
    private static Hostent ToHostent(AddrInfo* list, string name, int family)
    {
        var addresses = new List<string>();
        var canonicalName = list->ai_canonname is not null ? CStrings.FromUtf8(list->ai_canonname) : name;
        for (var entry = list; entry is not null; entry = entry->ai_next)
        {
            var text = SocketAddressText.Format(entry->ai_addr, entry->ai_addrlen.Value, shortenV4Mapped: true);
            if (text is not null && !addresses.Contains(text))
            {
                addresses.Add(text);
            }
        }

        var domain = family == Native.AF_INET ? Domain.AF_INET : Domain.AF_INET6;
        return new Hostent(canonicalName, [], domain, domain == Domain.AF_INET ? sizeof(uint) : sizeof(In6Addr), addresses);
    }

    /// <summary>
    /// A failed Winsock host lookup: its host errors (WSAHOST_NOT_FOUND, WSATRY_AGAIN, WSANO_RECOVERY,
    /// WSANO_DATA) are the platform's h_errno values, so they keep <see cref="OSErrorSpace.Resolver"/>;
    /// anything else is a Winsock error.
    /// </summary>
    private static OSErrorException WinsockResolverError(int error, string lookedUp) =>
        error == Native.WSAHOST_NOT_FOUND || error == Native.WSATRY_AGAIN || error == Native.WSANO_RECOVERY || error == Native.WSANO_DATA
            ? new OSErrorException(error, OSErrorSpace.Resolver, lookedUp)
            : new OSErrorException(error, OSErrorSpace.Winsock, lookedUp);
}
