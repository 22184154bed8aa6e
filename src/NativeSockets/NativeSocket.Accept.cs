using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>accept</c>: takes the next connection from a listening socket and returns it with the
    /// peer's address as text (a dotted quad, an IPv6 address with v4-mapped ones shortened to their
    /// dotted quad, or an AF_UNIX path). On failure returns (<see cref="OsInvalidSocket"/>, "") with the
    /// error in <see cref="Marshal.GetLastPInvokeError"/> (EAGAIN on a non-blocking socket with nothing
    /// waiting); never throws. Unless <paramref name="inheritable"/>, child processes do not get the socket.
    /// </summary>
    public static (SocketHandle Client, string Address) Accept(SocketHandle fd, bool inheritable = false)
    {
        SockAddrStorage peer;
        var length = (uint)sizeof(SockAddrStorage);
        SocketHandle client;
        if (Native.Defined.accept4)
        {
            client = new SocketHandle(Native.accept4(fd.FileDescriptor, &peer, &length, inheritable ? 0 : Native.SOCK_CLOEXEC));
        }
        else
        {
            client = new SocketHandle(Native.accept(fd.FileDescriptor, &peer, &length));
            if (!client.IsInvalid && !inheritable)
            {
                client = CloseUnlessNotInherited(client);
            }
        }

        return client.IsInvalid ? (OsInvalidSocket, string.Empty) : (client, SocketAddressText.Format(&peer, length, shortenV4Mapped: true) ?? string.Empty);
    }
}
