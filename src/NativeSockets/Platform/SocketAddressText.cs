using System;
using System.Globalization;
using System.Text;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// Formats native socket addresses as text, by their real family: the one implementation behind
/// <c>Accept</c>, <c>GetAddrString</c>, <c>InetNtoa</c>, <c>Hostent.AddrList</c> and the local and peer
/// address calls. Give <see cref="Format"/> a sockaddr pointer, its length and whether to shorten a
/// v4-mapped IPv6 address to its dotted quad (Nim's <c>accept</c> and <c>getAddrString</c> do;
/// <c>getLocalAddr</c> and <c>getPeerAddr</c> do not).
/// </summary>
internal static unsafe class SocketAddressText
{
    /// <summary>The most characters an IPv4 or IPv6 address takes as text (INET6_ADDRSTRLEN less its NUL).</summary>
    public static int MaxIPLength => Native.INET6_ADDRSTRLEN - 1;

    /// <summary>A dotted quad from an address in network byte order.</summary>
    public static string FormatIPv4(uint networkOrderAddress)
    {
        Span<char> text = stackalloc char[MaxIPLength];
        return new string(text[..WriteIPv4((byte*)&networkOrderAddress, text)]);
    }

    /// <summary>
    /// The IPv6 address at <paramref name="in6Address"/> (16 bytes, a <c>struct in6_addr</c>) as the
    /// platform's <c>inet_ntop</c> writes it, or its dotted quad when v4-mapped and <paramref name="shortenV4Mapped"/>.
    /// </summary>
    public static string FormatIPv6(void* in6Address, bool shortenV4Mapped)
    {
        Span<char> text = stackalloc char[MaxIPLength];
        return new string(text[..WriteIPv6((byte*)in6Address, shortenV4Mapped, text)]);
    }

    /// <summary>
    /// The address part of a socket address: a dotted quad for IPv4; for IPv6 the platform's
    /// <c>inet_ntop</c> text (scope id dropped), a v4-mapped address shortened to its dotted quad when
    /// <paramref name="shortenV4Mapped"/>; for AF_UNIX the path ("@name" for a Linux abstract name, ""
    /// for an unnamed socket), read from the first <paramref name="length"/> bytes. Null for any other family.
    /// </summary>
    /// <exception cref="OSErrorException"><c>inet_ntop</c> failed.</exception>
    public static string? Format(void* address, uint length, bool shortenV4Mapped)
    {
        int family = new Native.sockaddr(address).sa_family;
        if (family == Native.AF_UNIX)
        {
            return FormatUnixPath(new Native.sockaddr_un(address), length);
        }

        Span<char> text = stackalloc char[MaxIPLength];
        return TryWriteIP(address, shortenV4Mapped, text, out var written) ? new string(text[..written]) : null;
    }

    /// <summary>
    /// Writes the address part of an AF_INET or AF_INET6 socket address into <paramref name="destination"/>
    /// (at least <see cref="MaxIPLength"/> long); false, writing nothing, for any other family.
    /// </summary>
    /// <exception cref="OSErrorException"><c>inet_ntop</c> failed.</exception>
    public static bool TryWriteIP(void* address, bool shortenV4Mapped, Span<char> destination, out int written)
    {
        int family = new Native.sockaddr(address).sa_family;
        if (family == Native.AF_INET)
        {
            var ipv4 = new Native.sockaddr_in(address).sin_addr.s_addr;
            written = WriteIPv4((byte*)&ipv4, destination);
            return true;
        }

        if (family == Native.AF_INET6)
        {
            written = WriteIPv6((byte*)new Native.sockaddr_in6(address).sin6_addr.Pointer, shortenV4Mapped, destination);
            return true;
        }

        written = 0;
        return false;
    }

    /// <summary>True for <c>::ffff:a.b.c.d</c>: ten zero bytes, two 0xff bytes, then the IPv4 address.</summary>
    private static bool IsV4Mapped(byte* in6Address) =>
        new ReadOnlySpan<byte>(in6Address, 10).IndexOfAnyExcept((byte)0) < 0 && in6Address[10] == 0xff && in6Address[11] == 0xff;

    private static int WriteIPv4(byte* bytes, Span<char> destination)
    {
        if (!destination.TryWrite(CultureInfo.InvariantCulture, $"{bytes[0]}.{bytes[1]}.{bytes[2]}.{bytes[3]}", out var written))
        {
            throw new ArgumentException("The buffer is too small for an IPv4 address.", nameof(destination));
        }

        return written;
    }

    private static int WriteIPv6(byte* in6Address, bool shortenV4Mapped, Span<char> destination)
    {
        if (shortenV4Mapped && IsV4Mapped(in6Address))
        {
            return WriteIPv4(in6Address + 12, destination);
        }

        // inet_ntop rather than IPAddress.ToString: Nim prints what the platform prints, and the two
        // disagree on IPv4-compatible and other embedded forms.
        var size = Native.INET6_ADDRSTRLEN;
        var ascii = stackalloc byte[size];
        if (Native.inet_ntop(Native.AF_INET6, in6Address, ascii, (uint)size) is null)
        {
            throw OSErrorException.FromLastError("inet_ntop");
        }

        var text = new ReadOnlySpan<byte>(ascii, size);
        return Encoding.ASCII.GetChars(text[..text.IndexOf((byte)0)], destination);
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
