using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>bindAddr</c>: binds the socket to the address <paramref name="name"/> points to.
    /// Returns 0, or -1 with the error in <see cref="Marshal.GetLastPInvokeError"/>; never throws.
    /// </summary>
    public static int BindAddr(SocketHandle socket, SockAddr* name, SockLen nameLength) =>
        name is null && nameLength.Value != 0 ? Faulted() : Native.bind(socket.FileDescriptor, name, nameLength.Value);

    /// <summary>
    /// Nim's <c>listen</c> with Nim's default backlog, the platform's <c>SOMAXCONN</c>. Returns 0, or -1
    /// with the error in <see cref="Marshal.GetLastPInvokeError"/>; never throws.
    /// </summary>
    public static int Listen(SocketHandle socket) => Listen(socket, Native.SOMAXCONN);

    /// <summary>
    /// Nim's <c>listen</c>: marks the socket as accepting connections, with up to <paramref name="backlog"/>
    /// waiting. Returns 0, or -1 with the error in <see cref="Marshal.GetLastPInvokeError"/>; never throws.
    /// </summary>
    public static int Listen(SocketHandle socket, int backlog) => Native.listen(socket.FileDescriptor, backlog);
}
