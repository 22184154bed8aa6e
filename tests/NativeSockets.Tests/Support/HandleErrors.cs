using System;

namespace NativeSockets.Tests.Support;

/// <summary>The errors a platform reports for a handle that names no open socket.</summary>
internal static class HandleErrors
{
    /// <summary>
    /// A closed or never-opened handle: EBADF on POSIX; on Windows, where a socket is a handle and Winsock
    /// checks it before anything else, WSAENOTSOCK.
    /// </summary>
    public static int NotOpen => OperatingSystem.IsWindows() ? NativeSocket.WSAENOTSOCK : NativeSocket.EBADF;
}
