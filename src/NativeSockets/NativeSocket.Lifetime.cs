using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    /// <summary>Nim's <c>osInvalidSocket</c>: the handle value that means "no socket" (-1).</summary>
    public static SocketHandle OsInvalidSocket => new(-1);

    /// <summary>
    /// Nim's <c>createNativeSocket</c> with native numbers, for families, types or protocols the enums
    /// do not name. Returns <see cref="OsInvalidSocket"/> on failure, with the error in
    /// <see cref="Marshal.GetLastPInvokeError"/>; never throws. Unless <paramref name="inheritable"/>,
    /// the socket is closed in child processes (set atomically where the platform can, with
    /// <c>SOCK_CLOEXEC</c>; on Windows with <c>WSA_FLAG_NO_HANDLE_INHERIT</c>); an inheritable socket has
    /// any <c>SOCK_CLOEXEC</c> in <paramref name="sockType"/> removed, as Nim does. On Windows the first
    /// call starts Winsock (version 2.2).
    /// </summary>
    /// <exception cref="OSErrorException">Windows only: Winsock could not be started.</exception>
    public static SocketHandle CreateNativeSocket(int domain, int sockType, int protocol, bool inheritable = false)
    {
        if (OperatingSystem.IsWindows())
        {
            return CreateWinsockSocket(domain, sockType, protocol, inheritable);
        }

        if (Native.Defined.SOCK_CLOEXEC)
        {
            var flagged = inheritable ? sockType & ~Native.SOCK_CLOEXEC : sockType | Native.SOCK_CLOEXEC;
            return new SocketHandle(Native.socket(domain, flagged, protocol));
        }

        var socket = new SocketHandle(Native.socket(domain, sockType, protocol));
        return socket.IsInvalid || inheritable ? socket : ApplyInheritance(socket, inheritable: false);
    }

    /// <summary>
    /// Nim's <c>createNativeSocket</c>: a socket of the given family, type and protocol (by default a
    /// TCP/IPv4 stream). Returns <see cref="OsInvalidSocket"/> on failure, with the error in
    /// <see cref="Marshal.GetLastPInvokeError"/>; never throws for a native failure.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">An argument is not a member of its enum.</exception>
    public static SocketHandle CreateNativeSocket(
        Domain domain = Domain.AF_INET, SockType sockType = SockType.SOCK_STREAM, Protocol protocol = Protocol.IPPROTO_TCP, bool inheritable = false) =>
        CreateNativeSocket(ToInt(domain), ToInt(sockType), ToInt(protocol), inheritable);

    /// <summary>
    /// Nim's <c>close</c>: closes the socket (<c>closesocket</c> on Windows). Never throws; like Nim it ignores the result, and the
    /// error, if any, is in <see cref="Marshal.GetLastPInvokeError"/>. Closing a handle twice may close
    /// whatever the system gave the number to in between, and so may any call on a handle after it is
    /// closed: close each handle once, or let an <see cref="OwnedSocketHandle"/> own it.
    /// </summary>
    public static void Close(SocketHandle socket) =>
        _ = OperatingSystem.IsWindows() ? Native.closesocket(unchecked((nuint)socket.Value)) : Native.close(socket.FileDescriptor);

    /// <summary>
    /// Nim's <c>setInheritable</c>: whether child processes keep the socket (<c>FD_CLOEXEC</c>; on Windows
    /// the handle's <c>HANDLE_FLAG_INHERIT</c>). Returns true on success and
    /// false on failure (the error in <see cref="Marshal.GetLastPInvokeError"/>); never throws.
    /// </summary>
    public static bool SetInheritable(SocketHandle socket, bool inheritable)
    {
        if (OperatingSystem.IsWindows())
        {
            // A SOCKET is a kernel handle: its inherit flag is the handle's.
            return Native.SetHandleInformation((void*)socket.Value, Native.HANDLE_FLAG_INHERIT, inheritable ? Native.HANDLE_FLAG_INHERIT : 0) != 0;
        }

        var flags = Native.fcntl(socket.FileDescriptor, Native.F_GETFD, 0);
        if (flags < 0)
        {
            return false;
        }

        var updated = inheritable ? flags & ~Native.FD_CLOEXEC : flags | Native.FD_CLOEXEC;
        return updated == flags || Native.fcntl(socket.FileDescriptor, Native.F_SETFD, updated) >= 0;
    }

    /// <summary>
    /// <c>WSASocketW</c> with the inherit flag set atomically: an overlapped socket, as <c>socket()</c>
    /// makes them (System.Net and completion ports need that), and <c>WSA_FLAG_NO_HANDLE_INHERIT</c>
    /// unless <paramref name="inheritable"/>. Windows versions that predate the flag answer WSAEINVAL;
    /// there the flag is cleared after creation instead.
    /// </summary>
    private static SocketHandle CreateWinsockSocket(int domain, int sockType, int protocol, bool inheritable)
    {
        Winsock.EnsureStarted();
        var flags = Native.WSA_FLAG_OVERLAPPED | (inheritable ? 0 : Native.WSA_FLAG_NO_HANDLE_INHERIT);
        var socket = new SocketHandle(unchecked((nint)Native.WSASocketW(domain, sockType, protocol, null, 0, flags)));
        if (!socket.IsInvalid || inheritable || Marshal.GetLastPInvokeError() != Native.WSAEINVAL)
        {
            return socket;
        }

        socket = new SocketHandle(unchecked((nint)Native.WSASocketW(domain, sockType, protocol, null, 0, Native.WSA_FLAG_OVERLAPPED)));
        return socket.IsInvalid ? socket : ApplyInheritance(socket, inheritable: false);
    }

    /// <summary>
    /// Sets whether child processes get a new socket; if that fails, closes it and returns
    /// <see cref="OsInvalidSocket"/>, keeping the error of the failed setting.
    /// </summary>
    private static SocketHandle ApplyInheritance(SocketHandle socket, bool inheritable) =>
        KeptOrClosed(socket, SetInheritable(socket, inheritable));

    /// <summary>
    /// A new socket whose setting up succeeded, or, if it failed, <see cref="OsInvalidSocket"/> after
    /// closing it, with the error of the failed step still in <see cref="LastError"/>.
    /// </summary>
    private static SocketHandle KeptOrClosed(SocketHandle socket, bool setUp)
    {
        if (setUp)
        {
            return socket;
        }

        var error = Marshal.GetLastPInvokeError();
        Close(socket);
        Marshal.SetLastPInvokeError(error);
        return OsInvalidSocket;
    }
}
