using NativeSockets.Interop;

namespace NativeSockets.Selectors.Backends;

/// <summary>Between the selector's Read/Write/Error and AFD's AFD_POLL_* bits, as wepoll maps epoll's.</summary>
internal static class AfdEvents
{
    /// <summary>
    /// The AFD_POLL_* bits a poll for <paramref name="interest"/> waits for: a reset (ABORT) and a failed
    /// connect are always watched, as epoll always reports EPOLLHUP and EPOLLERR, and so is the socket
    /// being closed (LOCAL_CLOSE), which ends the poll. AFD_POLL_CONNECT is left out: AFD reports it on
    /// every poll once connected, and SEND says the same when a connect finishes.
    /// </summary>
    public static uint For(Event interest)
    {
        uint bits = 0;
        if ((interest & Event.Read) != 0)
        {
            bits |= Native.AFD_POLL_RECEIVE | Native.AFD_POLL_ACCEPT | Native.AFD_POLL_DISCONNECT;
        }

        if ((interest & Event.Write) != 0)
        {
            bits |= Native.AFD_POLL_SEND;
        }

        return bits == 0 ? 0 : bits | Native.AFD_POLL_ABORT | Native.AFD_POLL_CONNECT_FAIL | Native.AFD_POLL_LOCAL_CLOSE;
    }

    /// <summary>
    /// What the fired bits mean for a registration watching <paramref name="interest"/>: data, a
    /// connection or the end of the stream is Read; room to send is Write; a reset is both (each call then
    /// fails at once with the error); a failed connect is Error, and Write when watched, since the
    /// connect has finished.
    /// </summary>
    public static Event ToEvents(uint fired, Event interest)
    {
        var events = Event.None;
        if ((fired & (Native.AFD_POLL_RECEIVE | Native.AFD_POLL_ACCEPT | Native.AFD_POLL_DISCONNECT)) != 0)
        {
            events |= Event.Read;
        }

        if ((fired & Native.AFD_POLL_SEND) != 0)
        {
            events |= Event.Write;
        }

        if ((fired & Native.AFD_POLL_ABORT) != 0)
        {
            events |= Event.Read | Event.Write;
        }

        events &= interest;
        if ((fired & Native.AFD_POLL_CONNECT_FAIL) != 0)
        {
            events |= Event.Error | (interest & Event.Write);
        }

        return events;
    }
}
