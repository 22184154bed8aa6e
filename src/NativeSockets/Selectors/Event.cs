using System;

namespace NativeSockets.Selectors;

/// <summary>
/// Nim's <c>Event</c>, as a set: what a registration watches for and what a <c>ReadyKey</c>
/// reports. The values are the library's own bits, never a platform's numbers. Nim's signal, process and
/// vnode events are not offered.
/// </summary>
[Flags]
#pragma warning disable CA1716 // Nim's name; a Visual Basic caller writes [Event]
public enum Event
#pragma warning restore CA1716
{
    /// <summary>The empty set: no interest, or nothing happened.</summary>
    None = 0,

    /// <summary>The handle is readable: data, a connection to accept, or the end of the stream (a read returns 0).</summary>
    Read = 1 << 0,

    /// <summary>The handle is writable: there is room in its send buffer, or a connect finished.</summary>
    Write = 1 << 1,

    /// <summary>A timer registered with <c>RegisterTimer</c> expired.</summary>
    Timer = 1 << 2,

    /// <summary>A <c>SelectEvent</c> registered with <c>RegisterEvent</c> was triggered.</summary>
    User = 1 << 3,

    /// <summary>The handle has an error; <c>ReadyKey.ErrorCode</c> carries its native code.</summary>
    Error = 1 << 4,

    /// <summary>
    /// At registration only: report the handle once, then watch nothing until <c>UpdateHandle</c> sets its
    /// interest again (Nim's timers' <c>oneshot</c>, offered for handles too).
    /// </summary>
    Oneshot = 1 << 5,
}
