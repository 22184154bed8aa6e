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
    /// where the platform has it; on macOS <c>FD_CLOEXEC</c> right after); with
    /// <paramref name="nonBlocking"/> both start non-blocking (<c>SOCK_NONBLOCK</c> or <c>O_NONBLOCK</c>).
    /// Close each handle once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a member of its enum.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows, which has no <c>socketpair</c>.</exception>
    public static (SocketHandle First, SocketHandle Second) SocketPair(
        Domain domain = Domain.AF_UNIX, SockType sockType = SockType.SOCK_STREAM, Protocol protocol = Protocol.IPPROTO_NONE, bool inheritable = false, bool nonBlocking = false) =>
        SocketPair(ToInt(domain), ToInt(sockType), ToInt(protocol), inheritable, nonBlocking);

    /// <summary>
    /// <see cref="SocketPair(Domain, SockType, Protocol, bool, bool)"/> with native numbers, for families,
    /// types or protocols the enums do not name. An inheritable pair has any <c>SOCK_CLOEXEC</c> in
    /// <paramref name="sockType"/> removed, as <see cref="CreateNativeSocket(int, int, int, bool)"/> does.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Windows, which has no <c>socketpair</c>.</exception>
    public static (SocketHandle First, SocketHandle Second) SocketPair(int domain, int sockType, int protocol, bool inheritable = false, bool nonBlocking = false)
    {
        ThrowIfWindows("SocketPair", "socketpair");
        var type = sockType;
        if (Native.Defined.SOCK_CLOEXEC)
        {
            type = inheritable ? type & ~Native.SOCK_CLOEXEC : type | Native.SOCK_CLOEXEC;
        }

        if (nonBlocking && Native.Defined.SOCK_NONBLOCK)
        {
            type |= Native.SOCK_NONBLOCK;
        }

        var descriptors = stackalloc int[2];
        if (Native.socketpair(domain, type, protocol, descriptors) != 0)
        {
            return (OsInvalidSocket, OsInvalidSocket);
        }

        var pair = (First: new SocketHandle(descriptors[0]), Second: new SocketHandle(descriptors[1]));
        if (FinishNewDescriptor(pair.First, inheritable, nonBlocking) && FinishNewDescriptor(pair.Second, inheritable, nonBlocking))
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
    private static bool FinishNewDescriptor(SocketHandle socket, bool inheritable, bool nonBlocking)
    {
        if (!inheritable && !Native.Defined.SOCK_CLOEXEC && !SetInheritable(socket, inheritable: false))
        {
            return false;
        }

        if (!nonBlocking || Native.Defined.SOCK_NONBLOCK)
        {
            return true;
        }

        var flags = Native.fcntl(socket.FileDescriptor, Native.F_GETFL, 0);
        return flags >= 0 && Native.fcntl(socket.FileDescriptor, Native.F_SETFL, flags | Native.O_NONBLOCK) >= 0;
    }

    /// <summary>Refuses a POSIX-only call on Windows, naming the call and the C function Windows lacks.</summary>
    private static void ThrowIfWindows(string call, string function)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException($"{call}: Windows has no {function}.");
        }
    }
}
