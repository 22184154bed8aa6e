using System;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// One kernel readiness interface (epoll, kqueue, AFD through an I/O completion port, poll) behind
/// <c>Selector&lt;T&gt;</c>. The selector names each registration by a token it chooses (a slot and a
/// generation), so a backend keeps no state indexed by descriptor number and a reused number can never
/// be confused with an old registration. Every failure is an <see cref="OSErrorException"/> with the
/// native code; arguments are checked by the selector before they get here.
/// </summary>
internal interface ISelectorBackend : IDisposable
{
    /// <summary>The kernel object waited on (epoll or kqueue descriptor, completion port), or -1 if there is none.</summary>
    nint Handle { get; }

    /// <summary>
    /// Whether <see cref="Remove"/> fails for a socket closed before it (epoll's and kqueue's kernels refuse
    /// it); when not (poll has no kernel state, AFD drops a closed socket by itself), the selector asks the
    /// socket instead, so unregister-after-close is the same error on every backend.
    /// </summary>
    bool RemoveReportsClosedSockets { get; }

    /// <summary>Starts watching <paramref name="socket"/> for <paramref name="interest"/> (Read and/or Write), level-triggered.</summary>
    void Add(SocketHandle socket, ulong token, Event interest);

    /// <summary>Replaces the interest of a registration made by <see cref="Add"/>; <see cref="Event.None"/> keeps it registered, watching nothing.</summary>
    void Modify(SocketHandle socket, ulong token, Event interest);

    /// <summary>
    /// Stops watching <paramref name="socket"/>. Its events already collected may still be reported once. Throws
    /// for a closed socket only when <see cref="RemoveReportsClosedSockets"/>.
    /// </summary>
    void Remove(SocketHandle socket, ulong token);

    /// <summary>
    /// Waits up to <paramref name="timeout"/> milliseconds (-1: no limit) and writes at most
    /// <paramref name="events"/>.Length readiness records; returns how many. A signal never ends the wait
    /// early with an error, and never loses time: the wait resumes for what is left. Returns 0 on time-out
    /// or when <see cref="Wake"/> was called. One token may appear more than once per call (kqueue reports
    /// read and write separately); the selector merges them.
    /// </summary>
    int Wait(Span<BackendEvent> events, int timeout);

    /// <summary>From any thread: makes a <see cref="Wait"/> in progress, or the next one, return.</summary>
    void Wake();
}

/// <summary>One readiness record of <see cref="ISelectorBackend.Wait"/>.</summary>
internal struct BackendEvent
{
    /// <summary>The token the registration was made with.</summary>
    public ulong Token;

    /// <summary>Read, Write and/or Error; end of stream and hang-up are reported as Read.</summary>
    public Event Events;

    /// <summary>
    /// The native error code when <see cref="Events"/> has <see cref="Event.Error"/>, else 0. A backend that
    /// cannot read it (its token does not name the socket, as with epoll) leaves 0: the selector then reads the
    /// socket's SO_ERROR itself.
    /// </summary>
    public int ErrorCode;
}
