using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getHostByName</c>: the host called <paramref name="name"/>, from the hosts database and
    /// DNS. A numeric address gives itself. Unlike Nim, IPv6 works: an IPv6 address is looked up as one,
    /// and a name with no IPv4 address is looked up again for IPv6. Thread-safe (<c>gethostbyname2_r</c>;
    /// on macOS <c>getipnodebyname</c>; on Windows <c>getaddrinfo</c>, so the entry has the canonical name and no aliases).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character.</exception>
    /// <exception cref="OSErrorException">
    /// The resolver found nothing or failed: its <c>h_errno</c> (<see cref="OSErrorSpace.Resolver"/>, e.g.
    /// HOST_NOT_FOUND, "Unknown host") and the name looked up; or errno (a Winsock error on Windows) when the failure was the system's.
    /// </exception>
    public static Hostent GetHostByName(string name)
    {
        var nameText = CStrings.ToUtf8(name, nameof(name));
        var families = name.Contains(':', StringComparison.Ordinal) ? new[] { Native.AF_INET6 } : new[] { Native.AF_INET, Native.AF_INET6 };
        if (OperatingSystem.IsWindows())
        {
            return GetHostByNameWinsock(name, nameText, families);
        }

        if (OperatingSystem.IsMacOS())
        {
            return GetHostByNameDarwin(name, nameText, families);
        }

        OSErrorException? firstError = null;
        var entry = stackalloc byte[Native.hostent.Size];
        foreach (var family in families)
        {
            using var buffer = new LookupBuffer();
            void* found;
            int result;
            int resolverError;
            fixed (byte* namePointer = nameText)
            {
                do
                {
                    result = Native.gethostbyname2_r(namePointer, family, entry, buffer.Pointer, buffer.Length, &found, &resolverError);
                    if (OperatingSystem.IsFreeBSD())
                    {
                        result = FreeBsdLookups.HostResult(result, found is not null, resolverError, Marshal.GetLastPInvokeError());
                    }
                }
                while (buffer.Retry(result, "gethostbyname2_r"));
            }

            if (found is not null)
            {
                return ToHostent(found);
            }

            firstError ??= ResolverError(result, resolverError, $"getHostByName(\"{name}\")");
            if (resolverError != Native.HOST_NOT_FOUND && resolverError != Native.NO_DATA)
            {
                break;
            }
        }

        throw firstError!;
    }

    /// <summary>
    /// Nim's <c>getHostByAddr</c>: the host with the numeric address <paramref name="ip"/>, IPv4
    /// ("127.0.0.1") or, unlike Nim 1.6, IPv6 ("::1"), from the hosts database and DNS. Thread-safe
    /// (<c>gethostbyaddr_r</c>; on macOS <c>getipnodebyaddr</c>; on Windows <c>gethostbyaddr</c>, whose result is per thread).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="ip"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="ip"/> is not an IPv4 or IPv6 address (Nim 1.6 silently looked up 255.255.255.255).
    /// </exception>
    /// <exception cref="OSErrorException">
    /// The resolver found nothing or failed: its <c>h_errno</c> (<see cref="OSErrorSpace.Resolver"/>, e.g.
    /// HOST_NOT_FOUND, "Unknown host") and the address looked up; or errno (a Winsock error on Windows) when the failure was the system's.
    /// </exception>
    public static Hostent GetHostByAddr(string ip)
    {
        var ipText = CStrings.ToUtf8(ip, nameof(ip));
        var address = stackalloc byte[sizeof(In6Addr)];
        var family = 0;
        fixed (byte* ipPointer = ipText)
        {
            foreach (var candidate in new[] { Native.AF_INET, Native.AF_INET6 })
            {
                if (Native.inet_pton(candidate, ipPointer, address) == 1)
                {
                    family = candidate;
                    break;
                }
            }
        }

        if (family == 0)
        {
            throw new ArgumentException($"\"{ip}\" is not an IPv4 or IPv6 address.", nameof(ip));
        }

        var length = family == Native.AF_INET ? (uint)sizeof(uint) : (uint)sizeof(In6Addr);
        if (OperatingSystem.IsWindows())
        {
            return GetHostByAddrWinsock(ip, address, length, family);
        }

        if (OperatingSystem.IsMacOS())
        {
            return GetHostByAddrDarwin(ip, address, length, family);
        }

        using var buffer = new LookupBuffer();
        var entry = stackalloc byte[Native.hostent.Size];
        void* found;
        int result;
        int resolverError;
        do
        {
            result = Native.gethostbyaddr_r(address, length, family, entry, buffer.Pointer, buffer.Length, &found, &resolverError);
            if (OperatingSystem.IsFreeBSD())
            {
                result = FreeBsdLookups.HostResult(result, found is not null, resolverError, Marshal.GetLastPInvokeError());
            }
        }
        while (buffer.Retry(result, "gethostbyaddr_r"));

        return found is not null ? ToHostent(found) : throw ResolverError(result, resolverError, $"getHostByAddr(\"{ip}\")");
    }

    /// <summary>
    /// The error of a <c>gethostby*_r</c> call that found nothing (in glibc's convention): h_errno, or errno
    /// when h_errno says NETDB_INTERNAL. musl has no NETDB_INTERNAL: it reports a failure of the system as NO_RECOVERY.
    /// </summary>
    private static OSErrorException ResolverError(int result, int resolverError, string lookedUp) =>
        Native.Defined.NETDB_INTERNAL && resolverError == Native.NETDB_INTERNAL && result != 0
            ? new OSErrorException(result, OSErrorSpace.Errno, lookedUp)
            : new OSErrorException(resolverError, OSErrorSpace.Resolver, lookedUp);

    private static Hostent ToHostent(void* found)
    {
        var entry = new Native.hostent(found);
        var domain = ToKnownDomain(entry.h_addrtype);
        if (domain is not (Domain.AF_INET or Domain.AF_INET6))
        {
            throw new OSErrorException(0, OSErrorSpace.None, $"unknown h_addrtype {entry.h_addrtype}");
        }

        var addrList = new List<string>();
        for (var address = entry.h_addr_list; address is not null && *address is not null; address++)
        {
            addrList.Add(domain == Domain.AF_INET
                ? SocketAddressText.FormatIPv4(*(uint*)*address)
                : SocketAddressText.FormatIPv6(*address, shortenV4Mapped: true));
        }

        return new Hostent(CStrings.FromUtf8(entry.h_name), CStrings.FromUtf8List(entry.h_aliases), domain.Value, entry.h_length, addrList);
    }
}
