namespace NativeSockets.Selectors;

/// <summary>
/// Nim's <c>ReadyKey</c>: one registration that is ready, as <see cref="Selector{T}.SelectInto"/> reports it.
/// A socket's read and write readiness of one wait come back together in one key.
/// </summary>
public readonly struct ReadyKey
{
    internal ReadyKey(SocketHandle fd, Event events, int errorCode)
    {
        Fd = fd;
        Events = events;
        ErrorCode = errorCode;
    }

    /// <summary>
    /// The registered socket; for a timer the id <see cref="Selector{T}.RegisterTimer"/> returned, for a user
    /// event its <see cref="SelectEvent.Id"/> (both negative, so no socket handle is ever one of them).
    /// </summary>
    public SocketHandle Fd { get; }

    /// <summary>What happened: Read and/or Write (with Error if the socket has one), Timer, or User.</summary>
    public Event Events { get; }

    /// <summary>
    /// With <see cref="Event.Error"/>: the socket's pending error as the system numbers it (errno on POSIX,
    /// the Winsock code on Windows; the same numbering as <see cref="OSErrorException.ErrorCode"/>), or 0 when
    /// the system keeps none. Without <see cref="Event.Error"/>: 0.
    /// </summary>
    public int ErrorCode { get; }
}
