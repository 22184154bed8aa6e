namespace NativeSockets.Selectors;

/// <summary>A selector as a <see cref="SelectEvent"/> sees it: something to tell that the event was triggered.</summary>
internal interface IUserEventSink
{
    /// <summary>Marks the registration <paramref name="token"/> triggered and wakes the selector's wait. Any thread.</summary>
    void Signal(ulong token);
}
