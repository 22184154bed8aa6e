using System;

namespace NativeSockets;

public static partial class NativeSocket
{
    /// <summary>
    /// Nim's <c>makeUnixAddr</c>: an AF_UNIX socket address for <paramref name="path"/>, which is copied
    /// as UTF-8 with its terminating NUL. A path starting with "\0" names a Linux abstract socket (bind
    /// it with the exact length). Pass <c>sizeof(SockAddrUn)</c> as the length.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="path"/> takes <see cref="SockAddrUn.PathCapacity"/> bytes or more (108 on Linux): "socket path too long";
    /// or it does not start with a NUL but contains one, which would end the path early.
    /// </exception>
    public static SockAddrUn MakeUnixAddr(string path) => SockAddrUn.Create(path, nameof(path));
}
