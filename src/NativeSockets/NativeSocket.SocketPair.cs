using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>
    /// C's <c>socketpair</c>: two sockets connected to each other, by default an AF_UNIX stream (the only
    /// family most systems support here). Returns both handles, or both <see cref="OsInvalidSocket"/> on
    /// failure, with the error in <see cref="LastError"/>; never throws for a native failure. Unless
    /// <paramref name="inheritable"/>, neither is kept by child processes (<c>SOCK_CLOEXEC</c>, atomically,
    /// where the platform has it; on macOS <c>FD_CLOEXEC</c> right after); unless <paramref name="blocking"/>,
    /// both start non-blocking (<c>SOCK_NONBLOCK</c>, or <c>O_NONBLOCK</c> right after on macOS), as
    /// <see cref="CreateNativeSocket(Domain, SockType, Protocol, bool, bool)"/> sets them. Close each handle once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a member of its enum.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows, which has no <c>socketpair</c>.</exception>
    public static (SocketHandle First, SocketHandle Second) SocketPair(
        Domain domain = Domain.AF_UNIX, SockType sockType = SockType.SOCK_STREAM, Protocol protocol = Protocol.IPPROTO_NONE, bool inheritable = false, bool blocking = true) =>
        SocketPair(ToInt(domain), ToInt(sockType), ToInt(protocol), inheritable, blocking);

    /// <summary>
    /// <see cref="SocketPair(Domain, SockType, Protocol, bool, bool)"/> with native numbers, for families,
    /// types or protocols the enums do not name. An inheritable pair has any <c>SOCK_CLOEXEC</c> in
    /// <paramref name="sockType"/> removed, and a blocking one any <c>SOCK_NONBLOCK</c>, as
    /// <see cref="CreateNativeSocket(int, int, int, bool, bool)"/> does.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Windows, which has no <c>socketpair</c>.</exception>
    public static (SocketHandle First, SocketHandle Second) SocketPair(int domain, int sockType, int protocol, bool inheritable = false, bool blocking = true)
    {
        ThrowIfWindows("SocketPair", "socketpair");
        var type = sockType;
        if (Native.Defined.SOCK_CLOEXEC)
        {
            type = inheritable ? type & ~Native.SOCK_CLOEXEC : type | Native.SOCK_CLOEXEC;
        }

        if (Native.Defined.SOCK_NONBLOCK)
        {
            type = blocking ? type & ~Native.SOCK_NONBLOCK : type | Native.SOCK_NONBLOCK;
        }

        var descriptors = stackalloc int[2];
        if (Native.socketpair(domain, type, protocol, descriptors) != 0)
        {
            return (OsInvalidSocket, OsInvalidSocket);
        }

        var pair = (First: new SocketHandle(descriptors[0]), Second: new SocketHandle(descriptors[1]));
        if (FinishNewDescriptor(pair.First, inheritable, blocking) && FinishNewDescriptor(pair.Second, inheritable, blocking))
        {
            return pair;
        }

        var error = Marshal.GetLastPInvokeError();
        Close(pair.First);
        Close(pair.Second);
        Marshal.SetLastPInvokeError(error);
        return (OsInvalidSocket, OsInvalidSocket);
    }

    /// <summary>
    /// Sets, on a descriptor the system has just made, what the creation flags could not set on this
    /// platform (macOS has no <c>SOCK_CLOEXEC</c> or <c>SOCK_NONBLOCK</c>). False, with the error in
    /// <see cref="LastError"/>, if <c>fcntl</c> failed.
    /// </summary>
    private static bool FinishNewDescriptor(SocketHandle socket, bool inheritable, bool blocking) =>
        (inheritable || Native.Defined.SOCK_CLOEXEC || SetInheritable(socket, inheritable: false))
        && (blocking || Native.Defined.SOCK_NONBLOCK || TrySetBlocking(socket, blocking: false));

    /// <summary>Refuses a POSIX-only call on Windows, naming the call and the C function Windows lacks.</summary>
    private static void ThrowIfWindows(string call, string function)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException($"{call}: Windows has no {function}.");
        }
    }
}
