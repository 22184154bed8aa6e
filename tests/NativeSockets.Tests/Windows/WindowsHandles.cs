using System.Runtime.InteropServices;
using System.Threading;
using NativeSockets.Interop;
using Xunit;

namespace NativeSockets.Tests.Windows;

/// <summary>
/// Windows' side of the descriptor helpers: a socket is a handle, inherited by a child unless its
/// <c>HANDLE_FLAG_INHERIT</c> is clear, and made non-blocking by <c>ioctlsocket(FIONBIO)</c>.
/// </summary>
internal static unsafe class WindowsHandles
{
    /// <summary>Far above the 2^24 handles a Windows process can hold; a multiple of 4, as every handle value is.</summary>
    private const long FarHandleBase = 1L << 28;

    private static int s_farCounter;

    /// <summary>
    /// A handle value no socket of this process ever had. Windows (and Wine) give a closed handle's value
    /// to the next handle opened, and no value can be reserved as <c>fcntl(F_DUPFD)</c> reserves a
    /// descriptor, so a socket closed by one test could be another test's by the time it is used. Winsock
    /// answers a value that was never opened as it answers a closed one (WSAENOTSOCK).
    /// </summary>
    public static SocketHandle NeverOpened()
    {
        var handle = new SocketHandle((nint)(FarHandleBase + (4L * Interlocked.Increment(ref s_farCounter))));
        Assert.False(IsOpen(handle), $"handle {handle.Value} is open");
        return handle;
    }

    /// <summary>True while <paramref name="handle"/> names an open handle.</summary>
    public static bool IsOpen(SocketHandle handle)
    {
        uint flags;
        return Native.GetHandleInformation((void*)handle.Value, &flags) != 0;
    }

    /// <summary>Whether a child process would inherit the handle.</summary>
    public static bool IsInheritable(SocketHandle handle)
    {
        uint flags;
        Assert.True(Native.GetHandleInformation((void*)handle.Value, &flags) != 0, $"GetHandleInformation failed: error {Marshal.GetLastPInvokeError()}");
        return (flags & Native.HANDLE_FLAG_INHERIT) != 0;
    }

    public static void SetNonBlocking(SocketHandle handle)
    {
        uint nonBlocking = 1;
        var result = Native.ioctlsocket((nuint)handle.Value, (int)Native.FIONBIO, &nonBlocking);
        Assert.True(result == 0, $"ioctlsocket(FIONBIO) failed: error {Marshal.GetLastPInvokeError()}");
    }
}
