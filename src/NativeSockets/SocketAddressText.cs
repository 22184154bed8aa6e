using System;
using System.Globalization;
using System.Net;
using System.Text;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>Formats native socket addresses as text, by their real family.</summary>
internal static unsafe class SocketAddressText
{
    /// <summary>A dotted quad from an address in network byte order.</summary>
    public static string FormatIPv4(uint networkOrderAddress)
    {
        var bytes = (byte*)&networkOrderAddress;
        return string.Create(CultureInfo.InvariantCulture, $"{bytes[0]}.{bytes[1]}.{bytes[2]}.{bytes[3]}");
    }

    /// <summary>
    /// The address part of a socket address: a dotted quad for IPv4; for IPv6 the RFC 5952 text, with a
    /// v4-mapped address shortened to its dotted quad; for AF_UNIX the path ("@name" for a Linux abstract
    /// name, "" for an unnamed socket). Null for any other family.
    /// </summary>
    public static string? Format(void* address, uint length)
    {
        int family = new Native.sockaddr(address).sa_family;
        if (family == Native.AF_INET)
        {
            return FormatIPv4(new Native.sockaddr_in(address).sin_addr.s_addr);
        }

        if (family == Native.AF_INET6)
        {
            var ipv6 = new IPAddress(new Native.sockaddr_in6(address).sin6_addr.s6_addr);
            return ipv6.IsIPv4MappedToIPv6 ? ipv6.MapToIPv4().ToString() : ipv6.ToString();
        }

        if (family == Native.AF_UNIX)
        {
            return FormatUnixPath(new Native.sockaddr_un(address), length);
        }

        return null;
    }

    private static string FormatUnixPath(Native.sockaddr_un address, uint length)
    {
        var path = address.sun_path;
        var used = Math.Clamp((int)length - (Native.sockaddr_un.Size - path.Length), 0, path.Length);
        var bytes = path[..used];
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            return "@" + Encoding.UTF8.GetString(bytes[1..]);
        }

        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
