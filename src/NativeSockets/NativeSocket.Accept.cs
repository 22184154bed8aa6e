using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>accept</c>: takes the next connection from a listening socket and returns it with the
    /// peer's address as text (a dotted quad, an IPv6 address with v4-mapped ones shortened to their
    /// dotted quad, or an AF_UNIX path). On failure returns (<see cref="OsInvalidSocket"/>, "") with the
    /// error in <see cref="Marshal.GetLastPInvokeError"/> (<see cref="EAGAIN"/>, which is WSAEWOULDBLOCK on Windows, on a non-blocking socket with nothing
    /// waiting); never throws. Unless <paramref name="inheritable"/>, child processes do not get the socket.
    /// As in Nim, a signal that interrupts the wait is reported, not retried: a handler installed without
    /// <c>SA_RESTART</c> makes it return (<see cref="OsInvalidSocket"/>, "") with <see cref="EINTR"/>, and the
    /// caller decides whether to call again.
    /// </summary>
    public static (SocketHandle Client, string Address) Accept(SocketHandle fd, bool inheritable = false) =>
        AcceptWithText(fd, inheritable, blocking: null);

    /// <summary>
    /// <see cref="Accept(SocketHandle, bool)"/> without the text: the peer's address is written into
    /// <paramref name="peer"/> and its length into <paramref name="peerLength"/>, so nothing is allocated.
    /// Returns the new socket, or <see cref="OsInvalidSocket"/> with the error in
    /// <see cref="Marshal.GetLastPInvokeError"/>; never throws.
    /// </summary>
    public static SocketHandle Accept(SocketHandle fd, out SockAddrStorage peer, out SockLen peerLength, bool inheritable = false) =>
        AcceptWithAddress(fd, out peer, out peerLength, inheritable, blocking: null);

    /// <summary>The accept overloads that give the peer's address as text: null <paramref name="blocking"/> keeps the platform's mode.</summary>
    private static (SocketHandle Client, string Address) AcceptWithText(SocketHandle fd, bool inheritable, bool? blocking)
    {
        SockAddrStorage peer;
        var length = (uint)sizeof(SockAddrStorage);
        var client = AcceptInto(fd, &peer, &length, inheritable, blocking);
        return client.IsInvalid ? (OsInvalidSocket, string.Empty) : (client, SocketAddressText.Format(&peer, length, shortenV4Mapped: true) ?? string.Empty);
    }

    /// <summary>The accept overloads that write the peer's address into a caller's storage: null <paramref name="blocking"/> keeps the platform's mode.</summary>
    private static SocketHandle AcceptWithAddress(SocketHandle fd, out SockAddrStorage peer, out SockLen peerLength, bool inheritable, bool? blocking)
    {
        peer = default;
        var length = (uint)sizeof(SockAddrStorage);
        SocketHandle client;
        fixed (SockAddrStorage* address = &peer)
        {
            client = AcceptInto(fd, address, &length, inheritable, blocking);
        }

        peerLength = client.IsInvalid ? default : new SockLen(length);
        return client;
    }

    /// <summary>
    /// accept4 with the close-on-exec flag, and the non-blocking one if asked, where the platform has it:
    /// one system call. Otherwise accept and then the inherit flag (on Windows an accepted socket takes
    /// its listener's, so it is always set) and, if <paramref name="blocking"/> says a mode, that mode (on
    /// macOS and Windows an accepted socket takes its listener's). A null <paramref name="blocking"/> leaves
    /// the mode as the platform gives it, as Nim does.
    /// </summary>
    private static SocketHandle AcceptInto(SocketHandle fd, SockAddrStorage* peer, uint* length, bool inheritable, bool? blocking)
    {
        if (OperatingSystem.IsWindows())
        {
            var accepted = new SocketHandle(Native.accept(fd.Value, peer, length));
            accepted = accepted.IsInvalid ? accepted : ApplyInheritance(accepted, inheritable);
            return accepted.IsInvalid || blocking is not { } windowsMode ? accepted : KeptOrClosed(accepted, TrySetBlocking(accepted, windowsMode));
        }

        if (Native.Defined.accept4)
        {
            var flags = (inheritable ? 0 : Native.SOCK_CLOEXEC) | (blocking == false ? Native.SOCK_NONBLOCK : 0);
            return new SocketHandle(Native.accept4(fd.FileDescriptor, peer, length, flags));
        }

        var client = new SocketHandle(Native.accept(fd.FileDescriptor, peer, length));
        client = client.IsInvalid || inheritable ? client : ApplyInheritance(client, inheritable: false);
        return client.IsInvalid || blocking is not { } mode ? client : KeptOrClosed(client, TrySetBlocking(client, mode));
    }
}
