using System;

namespace NativeSockets;

// getsockopt/setsockopt with the value as bytes, for options whose value is not an int (structs, byte
// options, the platform's own). They report failure as GetSockOptInt and SetSockOptInt do, by throwing
// OSErrorException with the native code: an option call has no result worth returning alongside -1.
// The length is passed to the system as given: what a buffer too small for the option does is the
// system's answer (below), not a guess of each option's size.
public static unsafe partial class NativeSocket
{
    /// <summary>
    /// C's <c>getsockopt</c> into <paramref name="value"/>: reads the option's value as the platform lays it
    /// out and returns the number of bytes written. A buffer smaller than the option is cut to its size on
    /// Linux, macOS and FreeBSD (the result says how much was written); Winsock refuses it (WSAEFAULT).
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="level">The option's level: <see cref="SOL_SOCKET"/>, <see cref="IPPROTO_TCP"/>, ...</param>
    /// <param name="optname">The option's platform number, such as <see cref="SO_LINGER"/>.</param>
    /// <param name="value">Receives the value.</param>
    /// <exception cref="OSErrorException"><c>getsockopt</c> failed (EBADF for a closed handle, ENOPROTOOPT for an option the level does not know).</exception>
    public static int GetSockOpt(SocketHandle socket, int level, int optname, Span<byte> value)
    {
        fixed (byte* bytes = value)
        {
            return (int)GetOptionOrThrow(socket, level, optname, bytes, (uint)value.Length);
        }
    }

    /// <summary>
    /// C's <c>getsockopt</c> into the <paramref name="length"/> bytes at <paramref name="value"/>; returns the
    /// number of bytes written, as <see cref="GetSockOpt(SocketHandle, int, int, Span{byte})"/> does.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="level">The option's level: <see cref="SOL_SOCKET"/>, <see cref="IPPROTO_TCP"/>, ...</param>
    /// <param name="optname">The option's platform number, such as <see cref="SO_LINGER"/>.</param>
    /// <param name="value">Where the value is written; may be null only when <paramref name="length"/> is 0.</param>
    /// <param name="length">The room at <paramref name="value"/>, in bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null and <paramref name="length"/> is not 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    /// <exception cref="OSErrorException"><c>getsockopt</c> failed (EBADF for a closed handle, ENOPROTOOPT for an option the level does not know).</exception>
    public static int GetSockOpt(SocketHandle socket, int level, int optname, void* value, int length) =>
        (int)GetOptionOrThrow(socket, level, optname, value, OptionLength(value, length));

    /// <summary>
    /// C's <c>setsockopt</c> with the bytes of <paramref name="value"/> as the option's value, laid out as the
    /// platform expects. Fewer bytes than the option takes fail with EINVAL (WSAEFAULT on Windows).
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="level">The option's level: <see cref="SOL_SOCKET"/>, <see cref="IPPROTO_TCP"/>, ...</param>
    /// <param name="optname">The option's platform number, such as <see cref="SO_LINGER"/>.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="OSErrorException"><c>setsockopt</c> failed (EBADF for a closed handle, ENOPROTOOPT for an option the level does not know, EINVAL for a value of the wrong size).</exception>
    public static void SetSockOpt(SocketHandle socket, int level, int optname, ReadOnlySpan<byte> value)
    {
        fixed (byte* bytes = value)
        {
            SetOptionOrThrow(socket, level, optname, bytes, (uint)value.Length);
        }
    }

    /// <summary>
    /// C's <c>setsockopt</c> with the <paramref name="length"/> bytes at <paramref name="value"/>, as
    /// <see cref="SetSockOpt(SocketHandle, int, int, ReadOnlySpan{byte})"/> does.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="level">The option's level: <see cref="SOL_SOCKET"/>, <see cref="IPPROTO_TCP"/>, ...</param>
    /// <param name="optname">The option's platform number, such as <see cref="SO_LINGER"/>.</param>
    /// <param name="value">The value; may be null only when <paramref name="length"/> is 0.</param>
    /// <param name="length">The value's size in bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null and <paramref name="length"/> is not 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    /// <exception cref="OSErrorException"><c>setsockopt</c> failed (EBADF for a closed handle, ENOPROTOOPT for an option the level does not know, EINVAL for a value of the wrong size).</exception>
    public static void SetSockOpt(SocketHandle socket, int level, int optname, void* value, int length) =>
        SetOptionOrThrow(socket, level, optname, value, OptionLength(value, length));

    /// <summary>A caller's pointer and length for an option, checked: a null pointer must come with no bytes.</summary>
    private static uint OptionLength(void* value, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return value is null && length != 0
            ? throw new ArgumentNullException(nameof(value), "A null value pointer must come with a length of 0.")
            : (uint)length;
    }
}
