using System.IO;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>getSockName</c>: the local port of an IPv4 or IPv6 socket (0 while unbound).
    /// </summary>
    /// <exception cref="OSErrorException"><c>getsockname</c> failed (e.g. EBADF for a closed handle).</exception>
    /// <exception cref="IOException">The socket is of a family without ports (such as AF_UNIX).</exception>
    public static Port GetSockName(SocketHandle socket)
    {
        SockAddrStorage name;
        _ = ReadSocketName(socket, peer: false, &name);
        var family = name.ss_family;
        if (family == Native.AF_INET)
        {
            return new Port(Ntohs(new Native.sockaddr_in(&name).sin_port));
        }

        if (family == Native.AF_INET6)
        {
            return new Port(Ntohs(new Native.sockaddr_in6(&name).sin6_port));
        }

        throw new IOException($"getSockName: the socket's family ({family}) has no port.");
    }
}
