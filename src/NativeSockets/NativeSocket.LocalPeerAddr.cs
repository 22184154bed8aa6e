using System;
using System.Globalization;
using System.IO;
using NativeSockets.Interop;

namespace NativeSockets;

// Nim reads the address through whatever family the caller names; these read the socket's real
// family first, so a wrong guess is an error instead of a wrong address.
public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getLocalAddr</c>: the socket's own address and port. IPv4 gives a dotted quad, IPv6 the
    /// platform's text with a v4-mapped address left as <c>::ffff:a.b.c.d</c> (as Nim leaves it), and
    /// AF_UNIX the path ("@name" for an abstract name, "" when unbound) with port 0. An unbound IP socket
    /// gives the wildcard and port 0.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="domain">The family the caller expects: AF_INET, AF_INET6 or AF_UNIX, and the socket's own.</param>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is AF_UNSPEC, or not the socket's family.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="domain"/> is not a <see cref="Domain"/> member.</exception>
    /// <exception cref="OSErrorException"><c>getsockname</c> failed (EBADF for a closed handle).</exception>
    public static (string Address, Port Port) GetLocalAddr(SocketHandle socket, Domain domain) =>
        ReadAddress(socket, peer: false, domain, "getLocalAddr");

    /// <summary>
    /// <see cref="GetLocalAddr(SocketHandle, Domain)"/> for whatever family the socket has.
    /// </summary>
    /// <exception cref="IOException">The socket is of a family other than AF_INET, AF_INET6 and AF_UNIX.</exception>
    /// <exception cref="OSErrorException"><c>getsockname</c> failed (EBADF for a closed handle).</exception>
    public static (string Address, Port Port) GetLocalAddr(SocketHandle socket) =>
        ReadAddress(socket, peer: false, domain: null, "getLocalAddr");

    /// <summary>
    /// Nim's <c>getPeerAddr</c>: the connected peer's address and port, formatted as
    /// <see cref="GetLocalAddr(SocketHandle, Domain)"/> formats the socket's own.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="domain">The family the caller expects: AF_INET, AF_INET6 or AF_UNIX, and the socket's own.</param>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is AF_UNSPEC, or not the socket's family.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="domain"/> is not a <see cref="Domain"/> member.</exception>
    /// <exception cref="OSErrorException"><c>getpeername</c> failed (ENOTCONN when the socket is not connected, EBADF for a closed handle).</exception>
    public static (string Address, Port Port) GetPeerAddr(SocketHandle socket, Domain domain) =>
        ReadAddress(socket, peer: true, domain, "getPeerAddr");

    /// <summary>
    /// <see cref="GetPeerAddr(SocketHandle, Domain)"/> for whatever family the socket has.
    /// </summary>
    /// <exception cref="IOException">The socket is of a family other than AF_INET, AF_INET6 and AF_UNIX.</exception>
    /// <exception cref="OSErrorException"><c>getpeername</c> failed (ENOTCONN when the socket is not connected, EBADF for a closed handle).</exception>
    public static (string Address, Port Port) GetPeerAddr(SocketHandle socket) =>
        ReadAddress(socket, peer: true, domain: null, "getPeerAddr");

    private static (string Address, Port Port) ReadAddress(SocketHandle socket, bool peer, Domain? domain, string procName)
    {
        if (domain is { } named && !Enum.IsDefined(named))
        {
            throw new ArgumentOutOfRangeException(nameof(domain), named, "Not a member of Domain.");
        }

        if (domain == Domain.AF_UNSPEC)
        {
            throw new ArgumentException($"{procName} needs AF_INET, AF_INET6 or AF_UNIX, not AF_UNSPEC.", nameof(domain));
        }

        SockAddrStorage name;
        var length = ReadSocketName(socket, peer, &name);
        int family = name.ss_family;
        var actual = ToKnownDomain(family);
        if (domain is { } expected && actual != expected)
        {
            var real = actual?.ToString() ?? string.Create(CultureInfo.InvariantCulture, $"of family {family}");
            throw new ArgumentException($"{procName}: the socket is {real}, not {expected}.", nameof(domain));
        }

        var address = SocketAddressText.Format(&name, length, shortenV4Mapped: false)
            ?? throw new IOException(string.Create(CultureInfo.InvariantCulture, $"Unknown socket family in {procName}: {family}"));
        return (address, ReadPort(&name, family));
    }

    /// <summary>The port of an IPv4 or IPv6 address in host order; 0 for families without ports.</summary>
    private static Port ReadPort(SockAddrStorage* name, int family)
    {
        if (family == Native.AF_INET)
        {
            return new Port(Ntohs(new Native.sockaddr_in(name).sin_port));
        }

        return family == Native.AF_INET6 ? new Port(Ntohs(new Native.sockaddr_in6(name).sin6_port)) : default;
    }
}
