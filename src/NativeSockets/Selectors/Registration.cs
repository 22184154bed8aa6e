namespace NativeSockets.Selectors;

/// <summary>One registration of a selector, stored in a slot of its <see cref="RegistrationTable{T}"/>.</summary>
internal struct Registration<T>
{
    /// <summary>What the slot holds.</summary>
    public RegistrationKind Kind;

    /// <summary>Bumped whenever the slot is freed, so a token of an earlier registration no longer matches.</summary>
    public uint Generation;

    /// <summary>The socket handle's value, the timer id or the event id: the key users name the registration by.</summary>
    public nint Key;

    /// <summary>Read and/or Write: what the socket is watched for now (None once a one-shot registration fired).</summary>
    public Event Interest;

    /// <summary>The socket is reported once, then watched for nothing until UpdateHandle; for a timer: it fires once.</summary>
    public bool Oneshot;

    /// <summary>The user's data.</summary>
    public T Data;

    /// <summary>The next free slot while this one is free.</summary>
    public int NextFree;

    /// <summary>The wait that last reported the slot, and where: a second record of the same wait merges into that key.</summary>
    public long Stamp;

    /// <summary>The index in the results of the key written in the wait <see cref="Stamp"/> names.</summary>
    public int ResultIndex;

    /// <summary>The interest the first record of the wait <see cref="Stamp"/> was filtered with.</summary>
    public Event ReportedInterest;

    /// <summary>A user event was triggered and not yet reported.</summary>
    public bool UserPending;

    /// <summary>The registered user event, so disposing the selector can detach from it.</summary>
    public SelectEvent? UserEvent;

    /// <summary>A timer's period in milliseconds.</summary>
    public long Period;

    /// <summary>A timer's next expiry in <see cref="SelectorClock"/> milliseconds; long.MaxValue once a one-shot timer fired.</summary>
    public long Deadline;
}
