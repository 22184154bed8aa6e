using System;
using System.Runtime.InteropServices;
using System.Text;
using NativeSockets.Interop;

namespace NativeSockets;

public static unsafe partial class NativeSocket
{
    // Nim's buffer size; a name that does not fit gets a larger buffer rather than being cut short.
    private const int HostnameBufferSize = 256;
    private const int HostnameBufferLimit = 1 << 16;

    /// <summary>
    /// Nim's <c>getHostname</c>: this machine's host name. Unlike Nim, a name longer than 255 bytes is
    /// returned whole rather than cut.
    /// </summary>
    /// <exception cref="OSErrorException"><c>gethostname</c> failed, with its errno (its Winsock error on Windows).</exception>
    public static string GetHostname()
    {
        Winsock.EnsureStarted();
        for (var size = HostnameBufferSize; ; size *= 2)
        {
            var buffer = new byte[size];
            int result;
            fixed (byte* name = buffer)
            {
                result = Native.gethostname(name, size);
            }

            var error = result == 0 ? NameTooLong : Marshal.GetLastPInvokeError();

            // POSIX leaves a name that did not fit without its NUL, or fails with ENAMETOOLONG.
            var end = Array.IndexOf(buffer, (byte)0);
            if (result == 0 && end >= 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, end);
            }

            if (error != NameTooLong || size >= HostnameBufferLimit)
            {
                throw new OSErrorException(error, OSErrorException.LastErrorSpace, "gethostname");
            }
        }
    }

    /// <summary>What <c>gethostname</c> answers when the buffer is too small: ENAMETOOLONG, or WSAEFAULT on Windows.</summary>
    private static int NameTooLong => OperatingSystem.IsWindows() ? Native.WSAEFAULT : Native.ENAMETOOLONG;
}
