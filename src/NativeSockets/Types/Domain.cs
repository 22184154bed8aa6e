namespace NativeSockets;

/// <summary>
/// Nim's <c>Domain</c>: the address families this API names. The numbers are this library's own and
/// never a platform's (AF_INET6 is 10 on Linux, 30 on macOS, 23 on Windows): get the native value
/// with <see cref="NativeSocket.ToInt(Domain)"/> and go back with <see cref="NativeSocket.ToKnownDomain(int)"/>.
/// </summary>
public enum Domain
{
    /// <summary>Unspecified: lets a lookup choose.</summary>
    AF_UNSPEC = 0,

    /// <summary>Local sockets named by a path.</summary>
    AF_UNIX = 1,

    /// <summary>IPv4.</summary>
    AF_INET = 2,

    /// <summary>IPv6.</summary>
    AF_INET6 = 3,
}
