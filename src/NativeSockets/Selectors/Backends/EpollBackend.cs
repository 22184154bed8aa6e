using System;
using System.Runtime.InteropServices;
using System.Threading;
using NativeSockets.Interop;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// The Linux backend: an epoll descriptor (close-on-exec), level-triggered, with an eventfd (close-on-exec,
/// non-blocking) as the waker. The kernel holds each registration's token in <c>epoll_event.data</c>; a
/// registration watching nothing is taken out of the kernel's set, because epoll reports errors and hang-ups
/// even for an empty interest.
/// </summary>
internal sealed unsafe class EpollBackend : ISelectorBackend
{
    // No registration has it: the selector's tokens never have slot 0xFFFFFFFF.
    private const ulong WakerToken = ulong.MaxValue;

    private readonly int _epoll;
    private readonly int _waker;
    private void* _buffer;
    private int _capacity;
    private int _disposed;

    /// <exception cref="OSErrorException">epoll_create1 or eventfd failed (EMFILE, ENFILE, ENOMEM).</exception>
    public EpollBackend()
    {
        _epoll = Native.epoll_create1(Native.EPOLL_CLOEXEC);
        if (_epoll < 0)
        {
            throw OSErrorException.FromLastError("epoll_create1");
        }

        _waker = Native.eventfd(0, Native.EFD_CLOEXEC | Native.EFD_NONBLOCK);
        if (_waker < 0 || Control(Native.EPOLL_CTL_ADD, _waker, Native.EPOLLIN, WakerToken) != 0)
        {
            var failure = OSErrorException.FromLastError(_waker < 0 ? "eventfd" : "epoll_ctl");
            if (_waker >= 0)
            {
                Native.close(_waker);
            }

            Native.close(_epoll);
            throw failure;
        }
    }

    public nint Handle => _epoll;

    public bool RemoveReportsClosedSockets => true;

    public void Add(SocketHandle socket, ulong token, Event interest)
    {
        // Nothing to watch: nothing to add (the selector checked the socket); Modify adds it when there is.
        if (interest != Event.None && Control(Native.EPOLL_CTL_ADD, socket.FileDescriptor, Bits(interest), token) != 0)
        {
            throw OSErrorException.FromLastError();
        }
    }

    public void Modify(SocketHandle socket, ulong token, Event interest)
    {
        var fd = socket.FileDescriptor;
        if (interest == Event.None)
        {
            Delete(fd);
            return;
        }

        // Not in the kernel's set (it watched nothing): add it.
        if (Control(Native.EPOLL_CTL_MOD, fd, Bits(interest), token) != 0
            && (Marshal.GetLastPInvokeError() != Native.ENOENT || Control(Native.EPOLL_CTL_ADD, fd, Bits(interest), token) != 0))
        {
            throw OSErrorException.FromLastError();
        }
    }

    public void Remove(SocketHandle socket, ulong token) => Delete(socket.FileDescriptor);

    public int Wait(Span<BackendEvent> events, int timeout)
    {
        EnsureCapacity(events.Length);
        var received = WaitResumingAfterSignals(events.Length, timeout);
        var count = 0;
        for (var i = 0; i < received; i++)
        {
            var entry = new Native.epoll_event((byte*)_buffer + (i * Native.epoll_event.Size));
            if (entry.data == WakerToken)
            {
                Drain();
                continue;
            }

            events[count++] = new BackendEvent { Token = entry.data, Events = Translate(entry.events) };
        }

        return count;
    }

    public void Wake()
    {
        ulong one = 1;

        // EAGAIN means the counter is full: the wait is woken already.
        Native.write(_waker, &one, sizeof(ulong));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Native.close(_waker);
        Native.close(_epoll);
        NativeMemory.Free(_buffer);
        _buffer = null;
    }

    /// <summary>
    /// epoll's bits as the contract reads them: a hang-up (both directions closed, or a reset) makes a read and a
    /// write return at once, a half close (RDHUP) a read; the error's code is the socket's SO_ERROR, which the
    /// selector reads (the token does not name the socket).
    /// </summary>
    private static Event Translate(uint bits)
    {
        var events = Event.None;
        if ((bits & (Native.EPOLLIN | Native.EPOLLRDHUP | Native.EPOLLHUP)) != 0)
        {
            events |= Event.Read;
        }

        if ((bits & (Native.EPOLLOUT | Native.EPOLLHUP)) != 0)
        {
            events |= Event.Write;
        }

        if ((bits & Native.EPOLLERR) != 0)
        {
            events |= Event.Error | Event.Read | Event.Write;
        }

        return events;
    }

    private static uint Bits(Event interest) =>
        ((interest & Event.Read) != 0 ? Native.EPOLLIN | Native.EPOLLRDHUP : 0) | ((interest & Event.Write) != 0 ? Native.EPOLLOUT : 0);

    private int Control(int operation, int fd, uint bits, ulong token)
    {
        var entry = stackalloc byte[16];
        var view = new Native.epoll_event(entry);
        view.events = bits;
        view.data = token;
        return Native.epoll_ctl(_epoll, operation, fd, entry);
    }

    /// <summary>Takes <paramref name="fd"/> out of the kernel's set; one that was not in it (it watched nothing) is fine.</summary>
    private void Delete(int fd)
    {
        if (Native.epoll_ctl(_epoll, Native.EPOLL_CTL_DEL, fd, null) != 0 && Marshal.GetLastPInvokeError() != Native.ENOENT)
        {
            throw OSErrorException.FromLastError();
        }
    }

    /// <summary>epoll_wait until it returns something other than EINTR, each time for the time left.</summary>
    private int WaitResumingAfterSignals(int capacity, int timeout)
    {
        // Only a finite, positive wait has time to lose to a signal: the others need no clock.
        var deadline = timeout > 0 ? SelectorClock.After(SelectorClock.Now, timeout) : 0;
        while (true)
        {
            var received = Native.epoll_wait(_epoll, _buffer, capacity, timeout);
            if (received >= 0)
            {
                return received;
            }

            if (Marshal.GetLastPInvokeError() != Native.EINTR)
            {
                throw OSErrorException.FromLastError("epoll_wait");
            }

            if (timeout > 0)
            {
                timeout = SelectorClock.Until(deadline, SelectorClock.Now);
            }
        }
    }

    /// <summary>Resets the eventfd so the next wait blocks again.</summary>
    private void Drain()
    {
        ulong value;
        Native.read(_waker, &value, sizeof(ulong));
    }

    /// <summary>Grows the native array of epoll_event to <paramref name="count"/> entries; it never shrinks, so waits allocate nothing.</summary>
    private void EnsureCapacity(int count)
    {
        if (count > _capacity)
        {
            _buffer = NativeMemory.Realloc(_buffer, (nuint)count * (nuint)Native.epoll_event.Size);
            _capacity = count;
        }
    }
}
