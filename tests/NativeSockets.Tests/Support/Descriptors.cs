using System;
using System.Runtime.InteropServices;
using System.Threading;
using NativeSockets.Interop;
using NativeSockets.Tests.Windows;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>
/// Descriptor flags read and written with the platform's own <c>fcntl</c>; on Windows, where a socket is a
/// handle, the same questions asked of the handle (<see cref="WindowsHandles"/>).
/// </summary>
internal static class Descriptors
{
    // Test classes run in parallel and the kernel hands out the lowest free descriptor, so a number
    // that was just closed is soon reused by another test. Handles meant to stay closed live far above
    // the descriptors in use, one fresh number per call.
    private static readonly int[] HighBases = [1 << 16, 1 << 14, 1 << 12, 1 << 10, 1 << 8];
    private static int s_highCounter;

    /// <summary>Whether a child process would not get the socket: FD_CLOEXEC, or on Windows a handle that is not inheritable.</summary>
    public static bool IsCloseOnExec(SocketHandle handle)
    {
        if (OperatingSystem.IsWindows())
        {
            return !WindowsHandles.IsInheritable(handle);
        }

        var flags = Native.fcntl(Fd(handle), Native.F_GETFD, 0);
        var errno = Marshal.GetLastPInvokeError();
        Assert.True(flags >= 0, $"fcntl(F_GETFD) failed: errno {errno}");
        return (flags & Native.FD_CLOEXEC) != 0;
    }

    public static void SetNonBlocking(SocketHandle handle)
    {
        if (OperatingSystem.IsWindows())
        {
            WindowsHandles.SetNonBlocking(handle);
            return;
        }

        var flags = Native.fcntl(Fd(handle), Native.F_GETFL, 0);
        Assert.True(flags >= 0, $"fcntl(F_GETFL) failed: errno {Marshal.GetLastPInvokeError()}");
        Assert.Equal(0, Native.fcntl(Fd(handle), Native.F_SETFL, flags | Native.O_NONBLOCK));
    }

    /// <summary>True while <paramref name="handle"/> names an open descriptor.</summary>
    public static bool IsOpen(SocketHandle handle) =>
        OperatingSystem.IsWindows() ? WindowsHandles.IsOpen(handle) : Native.fcntl(Fd(handle), Native.F_GETFD, 0) >= 0;

    /// <summary>
    /// Asserts that <paramref name="handle"/>, a socket bound to <paramref name="port"/>, was closed. On Windows a
    /// closed handle's value goes to the next handle any thread opens, so a test running alongside may hold it
    /// already: there, closed can only be checked as no longer naming that socket.
    /// </summary>
    public static void AssertClosed(SocketHandle handle, Port port)
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.False(IsOpen(handle));
            return;
        }

        // Asked once: a second look could already see the handle another test has just been given.
        if (!IsOpen(handle))
        {
            return;
        }

        Port current = default;
        var error = Record.Exception(() => current = NativeSocket.GetSockName(handle));
        Assert.True(error is OSErrorException || current != port, $"handle {handle.Value} is still the socket bound to port {port.Value}");
    }

    /// <summary>
    /// A TCP socket moved to a descriptor number no other test will be given meanwhile; on Windows, where no
    /// handle value can be reserved (<see cref="WindowsHandles.NeverOpened"/>), a plain socket.
    /// </summary>
    public static OwnedSocket CreateHigh()
    {
        if (OperatingSystem.IsWindows())
        {
            return OwnedSocket.Create();
        }

        using var low = OwnedSocket.Create();
        var offset = Interlocked.Increment(ref s_highCounter);
        foreach (var highBase in HighBases)
        {
            var fd = Native.fcntl(Fd(low.Handle), Native.F_DUPFD, highBase + offset);
            if (fd >= 0)
            {
                return new OwnedSocket(new SocketHandle(fd));
            }
        }

        throw new InvalidOperationException($"fcntl(F_DUPFD) found no free descriptor above {HighBases[^1] + offset}: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>
    /// A handle that was a socket and is now closed (and stays closed while the test runs); on Windows a
    /// handle value no socket ever had (<see cref="WindowsHandles.NeverOpened"/>).
    /// </summary>
    public static SocketHandle ClosedHandle()
    {
        if (OperatingSystem.IsWindows())
        {
            return WindowsHandles.NeverOpened();
        }

        SocketHandle handle;
        using (var socket = CreateHigh())
        {
            handle = socket.Handle;
        }

        Assert.False(IsOpen(handle));
        return handle;
    }

    private static int Fd(SocketHandle handle) => checked((int)handle.Value);
}
