namespace NativeSockets;

/// <summary>
/// Nim's <c>SockType</c>: the kind of socket. The numbers are this library's own; get the native
/// value with <see cref="NativeSocket.ToInt(SockType)"/>.
/// </summary>
public enum SockType
{
    /// <summary>A reliable byte stream (TCP for the IP families).</summary>
    SOCK_STREAM = 1,

    /// <summary>Datagrams (UDP for the IP families).</summary>
    SOCK_DGRAM = 2,

    /// <summary>Raw packets of the network layer.</summary>
    SOCK_RAW = 3,

    /// <summary>Reliable, ordered packets.</summary>
    SOCK_SEQPACKET = 4,
}
