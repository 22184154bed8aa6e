using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>A native socket the test owns: closed exactly once, on every path.</summary>
internal sealed class OwnedSocket : IDisposable
{
    public OwnedSocket(SocketHandle handle) => Handle = handle;

    public SocketHandle Handle { get; private set; }

    /// <summary>
    /// Creates a socket through the enum overload and fails the test, with the errno, when that fails; skips
    /// the test where the system has no AF_UNIX sockets of that type.
    /// </summary>
    public static OwnedSocket Create(
        Domain domain = Domain.AF_INET, SockType sockType = SockType.SOCK_STREAM, Protocol protocol = Protocol.IPPROTO_TCP, bool inheritable = false)
    {
        RunningPlatform.SkipWhereUnsupported(domain, sockType);
        var handle = NativeSocket.CreateNativeSocket(domain, sockType, protocol, inheritable);
        var errno = Marshal.GetLastPInvokeError();
        Assert.False(handle.IsInvalid, $"CreateNativeSocket({domain}, {sockType}, {protocol}) failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
        return new OwnedSocket(handle);
    }

    /// <summary>
    /// A System.Net view of the same descriptor, for an independent opinion. It does not own the handle:
    /// disposing the view leaves the descriptor open.
    /// </summary>
    public Socket View() => ViewOf(Handle);

    public static Socket ViewOf(SocketHandle handle) => new(new SafeSocketHandle(handle.Value, ownsHandle: false));

    /// <summary>Gives up ownership: the caller closes the returned handle.</summary>
    public SocketHandle Release()
    {
        var handle = Handle;
        Handle = NativeSocket.OsInvalidSocket;
        return handle;
    }

    public void Dispose()
    {
        if (!Handle.IsInvalid)
        {
            NativeSocket.Close(Handle);
            Handle = NativeSocket.OsInvalidSocket;
        }
    }
}
