using System;
using NativeSockets.Interop;

namespace NativeSockets.Tests.Support;

/// <summary>How the running platform reports socket errors: which numbering, and which code for which mistake.</summary>
internal static class PlatformErrors
{
    /// <summary>The numbering of a failed socket call's code: errno on POSIX, Winsock's on Windows.</summary>
    public static OSErrorSpace Space => OperatingSystem.IsWindows() ? OSErrorSpace.Winsock : OSErrorSpace.Errno;

    /// <summary>
    /// A closed or never-opened handle: EBADF on POSIX; on Windows, where a socket is a handle and Winsock
    /// checks it before anything else, WSAENOTSOCK.
    /// </summary>
    public static int NotOpen => OperatingSystem.IsWindows() ? NativeSocket.WSAENOTSOCK : NativeSocket.EBADF;

    /// <summary>
    /// A closed handle given to a call on the handle itself rather than the socket (SetInheritable): EBADF on
    /// POSIX, the kernel's ERROR_INVALID_HANDLE on Windows.
    /// </summary>
    public static int NotOpenHandle => OperatingSystem.IsWindows() ? Native.ERROR_INVALID_HANDLE : NativeSocket.EBADF;

    /// <summary>
    /// An address length too short for the address: EINVAL on POSIX, WSAEFAULT on Windows (Winsock reads
    /// the length as the size of the buffer it may touch).
    /// </summary>
    public static int ShortAddress => OperatingSystem.IsWindows() ? NativeSocket.EFAULT : NativeSocket.EINVAL;

    /// <summary>A socket asked of AF_UNSPEC: EAFNOSUPPORT on POSIX, WSAEINVAL on Windows (Winsock reads it as a bad argument).</summary>
    public static int NoFamily => OperatingSystem.IsWindows() ? NativeSocket.EINVAL : NativeSocket.EAFNOSUPPORT;

    /// <summary>
    /// A numeric address of the other family than the one asked of getaddrinfo: EAI_ADDRFAMILY from glibc and
    /// the BSDs; Windows has no such code and musl does not use its own, and both answer that the name is not
    /// found (EAI_NONAME).
    /// </summary>
    public static int AddressOfOtherFamily => OperatingSystem.IsWindows() || PlatformDetection.IsMusl ? Native.EAI_NONAME : Native.EAI_ADDRFAMILY;

    /// <summary>
    /// A protocol the socket type cannot carry, asked of getaddrinfo: EAI_SOCKTYPE from glibc; musl answers that
    /// the service is not available for that socket type (EAI_SERVICE).
    /// </summary>
    public static int ProtocolOfOtherSockType => PlatformDetection.IsMusl ? Native.EAI_SERVICE : Native.EAI_SOCKTYPE;

    /// <summary>
    /// gethostbyname of the empty name: NO_RECOVERY from glibc (a name it refuses to ask for); musl answers
    /// that there is no such host (HOST_NOT_FOUND).
    /// </summary>
    public static int EmptyHostName => PlatformDetection.IsMusl ? Native.HOST_NOT_FOUND : Native.NO_RECOVERY;
}
