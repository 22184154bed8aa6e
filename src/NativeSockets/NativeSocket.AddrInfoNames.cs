using NativeSockets.Interop;

namespace NativeSockets;

// The names a caller of the raw GetAddrInfo needs: the AI_* flags of its hints, and the EAI_* codes it
// returns (which OSErrorException carries in the OSErrorSpace.AddrInfo space). Their numbers differ
// between platforms (EAI_NONAME is -2 with glibc, 8 on macOS and FreeBSD, WSAHOST_NOT_FOUND's 11001 on
// Windows; AI_V4MAPPED is 8 on Linux and 0x800 elsewhere), so each reads the running platform's value.
// Only the names every platform defines are here.
public static partial class NativeSocket
{
    /// <summary>The platform's <c>AI_PASSIVE</c>: with no name, the wildcard address, for binding.</summary>
    public static int AI_PASSIVE => Native.AI_PASSIVE;

    /// <summary>The platform's <c>AI_CANONNAME</c>: the first entry's <c>ai_canonname</c> is the canonical name.</summary>
    public static int AI_CANONNAME => Native.AI_CANONNAME;

    /// <summary>The platform's <c>AI_NUMERICHOST</c>: the name must be a numeric address; no lookup is made.</summary>
    public static int AI_NUMERICHOST => Native.AI_NUMERICHOST;

    /// <summary>The platform's <c>AI_NUMERICSERV</c>: the service must be a port number; no lookup is made.</summary>
    public static int AI_NUMERICSERV => Native.AI_NUMERICSERV;

    /// <summary>The platform's <c>AI_V4MAPPED</c>: for <c>AF_INET6</c>, IPv4 addresses as IPv4-mapped IPv6 ones when there are no IPv6 ones.</summary>
    public static int AI_V4MAPPED => Native.AI_V4MAPPED;

    /// <summary>The platform's <c>AI_ALL</c>: with <see cref="AI_V4MAPPED"/>, both the IPv6 and the mapped IPv4 addresses.</summary>
    public static int AI_ALL => Native.AI_ALL;

    /// <summary>The platform's <c>AI_ADDRCONFIG</c>: only families the host has an address of (loopback aside).</summary>
    public static int AI_ADDRCONFIG => Native.AI_ADDRCONFIG;

    /// <summary>The platform's <c>EAI_AGAIN</c>: the name could not be resolved now; try again later.</summary>
    public static int EAI_AGAIN => Native.EAI_AGAIN;

    /// <summary>The platform's <c>EAI_BADFLAGS</c>: the hints' <c>ai_flags</c> are invalid.</summary>
    public static int EAI_BADFLAGS => Native.EAI_BADFLAGS;

    /// <summary>The platform's <c>EAI_FAIL</c>: the name server failed for good.</summary>
    public static int EAI_FAIL => Native.EAI_FAIL;

    /// <summary>The platform's <c>EAI_FAMILY</c>: the hints' address family is not supported.</summary>
    public static int EAI_FAMILY => Native.EAI_FAMILY;

    /// <summary>The platform's <c>EAI_MEMORY</c>: out of memory.</summary>
    public static int EAI_MEMORY => Native.EAI_MEMORY;

    /// <summary>The platform's <c>EAI_NONAME</c>: the name (or, with no name, the service) is not known.</summary>
    public static int EAI_NONAME => Native.EAI_NONAME;

    /// <summary>The platform's <c>EAI_SERVICE</c>: the service is not known for the socket type asked for.</summary>
    public static int EAI_SERVICE => Native.EAI_SERVICE;

    /// <summary>The platform's <c>EAI_SOCKTYPE</c>: the hints' socket type is not supported.</summary>
    public static int EAI_SOCKTYPE => Native.EAI_SOCKTYPE;
}
