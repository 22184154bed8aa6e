using System;

namespace NativeSockets;

// Span forms of send and recv: the length comes from the span, so it cannot disagree with the buffer,
// and nothing is allocated or copied.
public static unsafe partial class NativeSocket
{
    /// <summary>
    /// <see cref="Send(SocketHandle, void*, nint, int)"/> for the bytes of <paramref name="data"/>. Returns
    /// the number of bytes sent (possibly fewer than <paramref name="data"/> holds), or -1 with the error
    /// in <see cref="LastError"/>; never throws for a native failure.
    /// </summary>
    public static nint Send(SocketHandle socket, ReadOnlySpan<byte> data, int flags = 0)
    {
        fixed (byte* bytes = data)
        {
            return Send(socket, bytes, data.Length, flags);
        }
    }

    /// <summary>
    /// <see cref="Recv(SocketHandle, void*, nint, int)"/> into <paramref name="buffer"/>. Returns the number
    /// of bytes received (0 when the peer has closed an ordered stream), or -1 with the error in
    /// <see cref="LastError"/>; never throws for a native failure.
    /// </summary>
    public static nint Recv(SocketHandle socket, Span<byte> buffer, int flags = 0)
    {
        fixed (byte* bytes = buffer)
        {
            return Recv(socket, bytes, buffer.Length, flags);
        }
    }
}
