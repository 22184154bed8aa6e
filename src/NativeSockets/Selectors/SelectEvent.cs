using System;
using System.Collections.Generic;

namespace NativeSockets.Selectors;

/// <summary>
/// Nim's <c>SelectEvent</c>: an event any thread can trigger, reported by every selector it is registered
/// with (<see cref="Selector{T}.RegisterEvent"/>) as one key with <see cref="Event.User"/>. Triggering it
/// several times before a selector reports it gives one key, as reading Nim's eventfd resets it. It owns no
/// operating-system object: it wakes each selector through that selector's own waker.
/// </summary>
public sealed class SelectEvent : IDisposable
{
    private readonly object _lock = new();
    private readonly List<(IUserEventSink Sink, ulong Token)> _registrations = new();
    private bool _closed;

    /// <summary>Nim's <c>newSelectEvent</c>.</summary>
    public SelectEvent() => Id = SelectorIds.Next();

    /// <summary>
    /// The key of the event in every selector: <see cref="ReadyKey.Fd"/> of its keys holds it, and
    /// <see cref="Selector{T}.GetData"/> and <see cref="Selector{T}.Unregister(SocketHandle)"/> accept it.
    /// Negative, so no socket handle is ever equal to it.
    /// </summary>
    public int Id { get; }

    /// <summary>
    /// Nim's <c>trigger</c>: from any thread, marks the event in every selector it is registered with now and
    /// wakes their waits; each reports it once.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The event was closed.</exception>
    public void Trigger()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            foreach (var (sink, token) in _registrations)
            {
                sink.Signal(token);
            }
        }
    }

    /// <summary>
    /// Nim's <c>close</c>: the event can no longer be triggered or registered. As in Nim it stays registered
    /// with the selectors it was registered with until each unregisters it. Closing twice does nothing.
    /// </summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
        }
    }

    /// <summary>The same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    /// <summary>Starts reporting triggers to <paramref name="sink"/> under <paramref name="token"/>.</summary>
    internal void Attach(IUserEventSink sink, ulong token)
    {
        lock (_lock)
        {
            _registrations.Add((sink, token));
        }
    }

    /// <summary>Stops reporting triggers to <paramref name="sink"/>'s registration <paramref name="token"/>.</summary>
    internal void Detach(IUserEventSink sink, ulong token)
    {
        lock (_lock)
        {
            _registrations.Remove((sink, token));
        }
    }

    /// <summary>Throws if the event was closed.</summary>
    internal void ThrowIfClosed()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
        }
    }
}
