namespace NativeSockets.Tests.Support;

/// <summary>A host name that no lookup can find and that never reaches a name server.</summary>
internal static class Unresolvable
{
    /// <summary>
    /// A 64-character label, one more than DNS allows: the resolver rejects the name before building a
    /// query, so the lookup fails here (HOST_NOT_FOUND, EAI_NONAME) instead of asking a server off the machine.
    /// </summary>
    public static readonly string Name = new string('x', 64) + ".invalid";
}
