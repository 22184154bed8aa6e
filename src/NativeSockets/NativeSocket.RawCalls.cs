using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

// The C calls Nim re-exports as they are: pointers and lengths in, -1 and errno out. None of them
// throws for a native failure; the error is in LastError.
public static unsafe partial class NativeSocket
{
    /// <summary>
    /// Nim's re-exported <c>connect</c>: connects the socket to the address <paramref name="name"/> points
    /// to. Returns 0, or -1 with the error in <see cref="LastError"/> (<see cref="EINPROGRESS"/> when a
    /// non-blocking socket has started connecting: wait with <see cref="SelectWrite"/>, then read
    /// <see cref="SO_ERROR"/>).
    /// </summary>
    public static int Connect(SocketHandle socket, SockAddr* name, SockLen nameLength) =>
        name is null && nameLength.Value != 0 ? Faulted() : Native.connect(socket.FileDescriptor, name, nameLength.Value);

    /// <summary>
    /// Nim's re-exported <c>send</c>: sends up to <paramref name="length"/> bytes from
    /// <paramref name="buffer"/> on a connected socket. Returns the number of bytes sent, or -1 with the
    /// error in <see cref="LastError"/>. Pass <see cref="MSG_NOSIGNAL"/> to get <see cref="EPIPE"/>
    /// rather than a signal when the peer has gone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static nint Send(SocketHandle socket, void* buffer, nint length, int flags) =>
        buffer is null && ByteCount(length).IsPositive ? Faulted() : Native.send(socket.FileDescriptor, buffer, ByteCount(length), flags);

    /// <summary>
    /// Nim's re-exported <c>recv</c>: receives up to <paramref name="length"/> bytes into
    /// <paramref name="buffer"/>. Returns the number of bytes received, 0 when the peer has closed an
    /// ordered stream, or -1 with the error in <see cref="LastError"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static nint Recv(SocketHandle socket, void* buffer, nint length, int flags) =>
        buffer is null && ByteCount(length).IsPositive ? Faulted() : Native.recv(socket.FileDescriptor, buffer, ByteCount(length), flags);

    /// <summary>
    /// Nim's re-exported <c>sendto</c>: sends a datagram of up to <paramref name="length"/> bytes to the
    /// address <paramref name="to"/> points to. Returns the number of bytes sent, or -1 with the error in
    /// <see cref="LastError"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static nint SendTo(SocketHandle socket, void* buffer, nint length, int flags, SockAddr* to, SockLen toLength) =>
        (buffer is null && ByteCount(length).IsPositive) || (to is null && toLength.Value != 0)
            ? Faulted()
            : Native.sendto(socket.FileDescriptor, buffer, ByteCount(length), flags, to, toLength.Value);

    /// <summary>
    /// Nim's re-exported <c>recvfrom</c>: receives a datagram of up to <paramref name="length"/> bytes and,
    /// unless <paramref name="from"/> is null, the sender's address, with <paramref name="fromLength"/>
    /// going in as the room at <paramref name="from"/> and coming out as the address's real length.
    /// Returns the number of bytes received, or -1 with the error in <see cref="LastError"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static nint RecvFrom(SocketHandle socket, void* buffer, nint length, int flags, SockAddr* from, SockLen* fromLength) =>
        buffer is null && ByteCount(length).IsPositive
            ? Faulted()
            : Native.recvfrom(socket.FileDescriptor, buffer, ByteCount(length), flags, from, (uint*)fromLength);

    /// <summary>
    /// Nim's re-exported raw <c>accept</c>: takes the next connection and, unless
    /// <paramref name="address"/> is null, the peer's address (<paramref name="addressLength"/> in: the
    /// room; out: the real length). Returns the new socket, or <see cref="OsInvalidSocket"/> with the error
    /// in <see cref="LastError"/>. Unlike <see cref="Accept(SocketHandle, bool)"/> it leaves the new
    /// socket inheritable by child processes, as C's <c>accept</c> does.
    /// </summary>
    public static SocketHandle Accept(SocketHandle socket, SockAddr* address, SockLen* addressLength) =>
        OperatingSystem.IsWindows() && address is not null && addressLength is null
            ? new(Faulted())
            : new(Native.accept(socket.FileDescriptor, address, (uint*)addressLength));

    /// <summary>
    /// The answer to a null pointer C would read or write: -1 with <see cref="EFAULT"/>, as the kernel gives
    /// it, without making the call. Not every Winsock implementation checks its pointers (Wine dereferences
    /// them), so the library checks them on every platform, where POSIX would give the same answer.
    /// Accept is checked on Windows only: on Linux the kernel takes the connection before it fails, and
    /// that is what Linux callers see.
    /// </summary>
    private static int Faulted()
    {
        Marshal.SetLastPInvokeError(EFAULT);
        return -1;
    }

    /// <summary>A caller's byte count, checked not to be negative, for the native call's length parameter.</summary>
    private static ByteLength ByteCount(nint length) =>
        length >= 0 ? new ByteLength(length) : throw new ArgumentOutOfRangeException(nameof(length), length, "A byte count cannot be negative.");

    /// <summary>
    /// A non-negative length that converts to whichever C# type the facade gives a C length: <c>nuint</c>
    /// while every platform uses <c>size_t</c>, a signed type once a platform (Winsock) uses <c>int</c>.
    /// </summary>
    private readonly struct ByteLength(nint value)
    {
        // Winsock's lengths are ints: a longer buffer is offered as its first int.MaxValue bytes, which a
        // send or receive may take in part anyway, rather than as a wrapped-around negative length.
        private readonly nint _value = OperatingSystem.IsWindows() ? Math.Min(value, int.MaxValue) : value;

        public bool IsPositive => _value > 0;

        public static implicit operator nuint(ByteLength length) => (nuint)length._value;

        public static implicit operator nint(ByteLength length) => length._value;
    }
}
