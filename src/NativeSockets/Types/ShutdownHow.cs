namespace NativeSockets;

/// <summary>
/// Which directions <see cref="NativeSocket.Shutdown(SocketHandle, ShutdownHow)"/> closes. The numbers are
/// this library's own (0 is none of them); the call translates them to the platform's <c>SHUT_RD</c>,
/// <c>SHUT_WR</c> and <c>SHUT_RDWR</c> (Windows: <c>SD_RECEIVE</c>, <c>SD_SEND</c>, <c>SD_BOTH</c>).
/// </summary>
public enum ShutdownHow
{
    /// <summary>No more receiving: <c>SHUT_RD</c> (<c>SD_RECEIVE</c> on Windows).</summary>
    Read = 1,

    /// <summary>
    /// No more sending: <c>SHUT_WR</c> (<c>SD_SEND</c> on Windows). On a stream the peer reads the end of
    /// the data (a receive returns 0) while this side can still receive: the half-close of a graceful shutdown.
    /// </summary>
    Write = 2,

    /// <summary>Neither: <c>SHUT_RDWR</c> (<c>SD_BOTH</c> on Windows).</summary>
    Both = 3,
}
