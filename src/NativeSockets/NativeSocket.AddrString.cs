using System;
using System.IO;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getAddrString</c>: the address part of a socket address as text. IPv4 gives the dotted
    /// quad; IPv6 the platform's <c>inet_ntop</c> text (scope id dropped), with a v4-mapped address
    /// shortened to its dotted quad; AF_UNIX gives <c>"unix"</c>, as in Nim (the path is not read).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="sockAddr"/> is null.</exception>
    /// <exception cref="IOException">Any other family: "Unknown socket family in getAddrString".</exception>
    /// <exception cref="OSErrorException"><c>inet_ntop</c> failed.</exception>
    public static string GetAddrString(SockAddr* sockAddr)
    {
        ArgumentNullException.ThrowIfNull(sockAddr);
        if (new Native.sockaddr(sockAddr).sa_family == Native.AF_UNIX)
        {
            return "unix";
        }

        Span<char> text = stackalloc char[SocketAddressText.MaxIPLength];
        return new string(text[..GetAddrString(sockAddr, text)]);
    }

    /// <summary>
    /// Nim's <c>getAddrString(sockAddr, var strAddress)</c>, without allocating: writes the address
    /// part of an IPv4 or IPv6 socket address into <paramref name="strAddress"/> and returns how many
    /// characters it wrote. The text is as <see cref="GetAddrString(SockAddr*)"/> gives it; as in Nim,
    /// AF_UNIX is an error here.
    /// </summary>
    /// <param name="sockAddr">The socket address.</param>
    /// <param name="strAddress">At least <see cref="AddrStringCapacity"/> characters (Nim asks for exactly 46).</param>
    /// <exception cref="ArgumentNullException"><paramref name="sockAddr"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="strAddress"/> is shorter than <see cref="AddrStringCapacity"/>.</exception>
    /// <exception cref="IOException">Not an IPv4 or IPv6 address: "Unknown socket family in getAddrString".</exception>
    /// <exception cref="OSErrorException"><c>inet_ntop</c> failed.</exception>
    public static int GetAddrString(SockAddr* sockAddr, Span<char> strAddress)
    {
        ArgumentNullException.ThrowIfNull(sockAddr);
        if (strAddress.Length < AddrStringCapacity)
        {
            throw new ArgumentException(
                $"The buffer holds {strAddress.Length} characters; the longest address takes {AddrStringCapacity}.", nameof(strAddress));
        }

        return SocketAddressText.TryWriteIP(sockAddr, shortenV4Mapped: true, strAddress, out var written)
            ? written
            : throw new IOException("Unknown socket family in getAddrString");
    }

    /// <summary>
    /// The most characters <see cref="GetAddrString(SockAddr*, Span{char})"/> writes: the platform's
    /// <c>INET6_ADDRSTRLEN</c> less its NUL (45).
    /// </summary>
    public static int AddrStringCapacity => SocketAddressText.MaxIPLength;

    /// <summary>
    /// C's <c>inet_ntoa</c>, re-exported by Nim: an IPv4 address as a dotted quad, e.g. <c>"127.0.0.1"</c>.
    /// Thread-safe, unlike C's (which returns a static buffer).
    /// </summary>
    public static string InetNtoa(InAddr address) => SocketAddressText.FormatIPv4(address.s_addr);
}
