namespace NativeSockets.Selectors;

/// <summary>What a slot of a selector's registration table holds.</summary>
internal enum RegistrationKind : byte
{
    /// <summary>Nothing: the slot is on the free list.</summary>
    Free,

    /// <summary>A socket watched by the backend.</summary>
    Socket,

    /// <summary>A timer kept by the selector itself.</summary>
    Timer,

    /// <summary>A <see cref="SelectEvent"/>, signalled by its Trigger.</summary>
    User,
}
