using System.Runtime.InteropServices;
using NativeSockets.Interop;
using Xunit;

namespace NativeSockets.Tests.Windows;

/// <summary>
/// Windows' side of the descriptor helpers: a socket is a handle, inherited by a child unless its
/// <c>HANDLE_FLAG_INHERIT</c> is clear, and made non-blocking by <c>ioctlsocket(FIONBIO)</c>.
/// </summary>
internal static unsafe class WindowsHandles
{
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
