using System;
using System.Runtime.CompilerServices;
using NativeSockets.Interop;

namespace NativeSockets;

// shutdown is one of C's calls, reported as the other raw calls are (NativeSocket.RawCalls.cs): 0, or -1
// with the error in LastError. Only a ShutdownHow outside its enum throws: that is the caller's bug,
// not the system's answer.
public static unsafe partial class NativeSocket
{
    /// <summary>
    /// C's <c>shutdown</c>: closes one or both directions of a connection without closing the socket.
    /// <see cref="ShutdownHow.Write"/> is the half-close of a graceful shutdown: the peer's receive returns 0
    /// once it has read everything sent, and this side can still receive its reply. Returns 0, or -1 with
    /// the error in <see cref="LastError"/> (<see cref="ENOTCONN"/> on a socket that is not connected,
    /// <see cref="EBADF"/> for a closed handle, WSAENOTSOCK on Windows); never throws for a native failure.
    /// The socket stays open: close it with <see cref="Close(SocketHandle)"/>.
    /// </summary>
    /// <param name="socket">A connected socket.</param>
    /// <param name="how">The directions to close.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="how"/> is not a <see cref="ShutdownHow"/> member.</exception>
    public static int Shutdown(SocketHandle socket, ShutdownHow how) => Shutdown(socket, ToInt(how));

    /// <summary>
    /// C's <c>shutdown</c> with the platform's number for the directions (<see cref="SHUT_RD"/>,
    /// <see cref="SHUT_WR"/>, <see cref="SHUT_RDWR"/>). Returns 0, or -1 with the error in
    /// <see cref="LastError"/> (<see cref="EINVAL"/> for a number the platform does not know); never throws.
    /// </summary>
    /// <param name="socket">A connected socket.</param>
    /// <param name="how">The platform's number for the directions to close.</param>
    // The priority lets Shutdown(s, default) compile, as the native 0 that Shutdown(s, 0) already passes; a
    // ShutdownHow argument cannot convert to int, so it still takes the enum overload.
    [OverloadResolutionPriority(1)]
    public static int Shutdown(SocketHandle socket, int how) => Native.shutdown(socket.FileDescriptor, how);

    /// <summary>The running platform's number for <paramref name="how"/>: <c>SHUT_RD</c>, <c>SHUT_WR</c> or <c>SHUT_RDWR</c> (Windows' <c>SD_*</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="how"/> is not a <see cref="ShutdownHow"/> member.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToInt(ShutdownHow how) => how switch
    {
        ShutdownHow.Read => SHUT_RD,
        ShutdownHow.Write => SHUT_WR,
        ShutdownHow.Both => SHUT_RDWR,
        _ => throw NotAMember(nameof(how), how),
    };
}
