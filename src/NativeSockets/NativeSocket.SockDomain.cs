using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getSockDomain</c>: the socket's address family, bound or not. For a family
    /// <see cref="Domain"/> does not name, read the platform's number with
    /// <c>GetSockOptInt(socket, SOL_SOCKET, SO_DOMAIN)</c>.
    /// </summary>
    /// <exception cref="OSErrorException">
    /// <c>getsockname</c> failed (EBADF for a closed handle, ENOTSOCK for a descriptor that is not a socket;
    /// WSAENOTSOCK on Windows, where an unbound socket's family comes from <c>getsockopt(SO_PROTOCOL_INFOW)</c>).
    /// </exception>
    /// <exception cref="IOException">The family is not one <see cref="Domain"/> names (such as AF_NETLINK); the message gives its number.</exception>
    public static Domain GetSockDomain(SocketHandle socket)
    {
        SockAddrStorage name;
        _ = ReadSocketName(socket, peer: false, &name);
        var family = name.ss_family;
        return ToKnownDomain(family)
            ?? throw new IOException(string.Create(CultureInfo.InvariantCulture, $"Unknown socket family in getSockDomain: {family}"));
    }

    /// <summary>
    /// The family from the socket's protocol description: Winsock's <c>getsockname</c> fails on an unbound
    /// socket (WSAEINVAL), while Nim's contract, and POSIX, give the family of any socket.
    /// </summary>
    /// <exception cref="OSErrorException"><c>getsockopt(SO_PROTOCOL_INFOW)</c> failed (WSAENOTSOCK for a closed handle).</exception>
    private static int ReadWinsockFamily(SocketHandle socket)
    {
        var size = Native._WSAPROTOCOL_INFOW.Size;
        var description = stackalloc byte[size];
        var length = size;
        if (Native.getsockopt(socket.Value, Native.SOL_SOCKET, Native.SO_PROTOCOL_INFOW, description, &length) != 0)
        {
            throw OSErrorException.FromLastError();
        }

        return new Native._WSAPROTOCOL_INFOW(description).iAddressFamily;
    }

    /// <summary>
    /// The socket's own address (<c>getsockname</c>) or its peer's (<c>getpeername</c>) into
    /// <paramref name="name"/>; returns the address's length.
    /// </summary>
    /// <exception cref="OSErrorException">The call failed.</exception>
    private static uint ReadSocketName(SocketHandle socket, bool peer, SockAddrStorage* name)
    {
        var length = (uint)sizeof(SockAddrStorage);
        var result = peer
            ? Native.getpeername(socket.FileDescriptor, name, &length)
            : Native.getsockname(socket.FileDescriptor, name, &length);
        if (result != 0)
        {
            return OperatingSystem.IsWindows() && !peer && Marshal.GetLastPInvokeError() == Native.WSAEINVAL
                ? UnboundWinsockName(socket, name)
                : throw OSErrorException.FromLastError();
        }

        return length;
    }

    /// <summary>
    /// What POSIX's <c>getsockname</c> gives for an unbound socket, the family's wildcard address and port
    /// 0, for Winsock, whose <c>getsockname</c> fails with WSAEINVAL until the socket is bound.
    /// </summary>
    /// <exception cref="OSErrorException">The handle is not a socket.</exception>
    private static uint UnboundWinsockName(SocketHandle socket, SockAddrStorage* name)
    {
        var family = ReadWinsockFamily(socket);
        *name = default;
        new Native.sockaddr(name).sa_family = (ushort)family;
        return (uint)(family == Native.AF_INET ? Native.sockaddr_in.Size : family == Native.AF_INET6 ? Native.sockaddr_in6.Size : Native.sockaddr.Size);
    }
}
