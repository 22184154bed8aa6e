using System.Collections.Generic;

namespace NativeSockets.Generators.Parsing;

/// <summary>
/// C functions that may not be marked <c>nogctransition</c>. A call without the GC transition keeps
/// its thread in cooperative mode, so a garbage collection waits until it returns: fine for a call
/// that only reads or writes kernel state, a process-wide stall for one that waits on a peer, a
/// timeout, a disk or a name server. The list names the calls of the socket API that can wait,
/// the generic ones that can (fcntl's F_SETLKW, ioctl), and those that read locale files the first
/// time (the *strerror family).
/// </summary>
internal static class BlockingCalls
{
    public static readonly HashSet<string> Names = new(System.StringComparer.Ordinal)
    {
        // Data transfer and connection set-up wait for the peer (or for buffer space).
        "accept", "accept4", "connect", "recv", "recvfrom", "recvmsg", "send", "sendto", "sendmsg",
        "read", "write", "readv", "writev", "WSARecv", "WSASend", "WSAAccept", "WSAConnect",

        // close may linger (SO_LINGER); bind of an AF_UNIX path creates a file.
        "close", "closesocket", "bind",

        // Readiness waits block until the timeout.
        "poll", "ppoll", "select", "pselect", "WSAPoll", "epoll_wait",
        "kevent",

        // Lookups read files and may ask a name server.
        "getaddrinfo", "getnameinfo", "GetAddrInfoW", "GetNameInfoW",
        "gethostbyname", "gethostbyname_r", "gethostbyname2_r", "gethostbyaddr", "gethostbyaddr_r",
        "getservbyname", "getservbyname_r", "getservbyport", "getservbyport_r",
        "getprotobyname", "getprotobyname_r", "getprotobynumber", "getprotobynumber_r",

        // Generic requests, some of which wait.
        "fcntl", "ioctl", "ioctlsocket", "WSAIoctl",

        // Messages are looked up in the locale's catalogue, read from disk on first use.
        "strerror", "strerror_r", "gai_strerror", "hstrerror", "FormatMessageW",

        // Start-up loads providers; clean-up tears them down.
        "WSAStartup", "WSACleanup",
    };
}
