using System;
using System.IO;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>The kinds of handle that name no usable socket.</summary>
public enum BadHandle
{
    /// <summary>OsInvalidSocket, -1.</summary>
    Invalid,

    /// <summary>A negative value other than -1.</summary>
    Negative,

    /// <summary>A value wider than a C int whose low 32 bits are an open socket's descriptor.</summary>
    Wide,

    /// <summary>A socket that has been closed.</summary>
    Closed,

    /// <summary>An open descriptor that is not a socket (/dev/null).</summary>
    NotASocket,
}

/// <summary>
/// One bad handle, with whatever it needs kept open (the socket behind a wide value, the /dev/null
/// descriptor) until disposed. Linux: descriptors are C ints and /dev/null exists.
/// </summary>
internal sealed class BadHandles : IDisposable
{
    private readonly OwnedSocket? _socket;
    private readonly SafeFileHandle? _file;

    private BadHandles(SocketHandle handle, OwnedSocket? socket = null, SafeFileHandle? file = null)
    {
        Handle = handle;
        _socket = socket;
        _file = file;
    }

    /// <summary>Every kind, for theories.</summary>
    public static TheoryData<BadHandle> All => new(Enum.GetValues<BadHandle>());

    /// <summary>The kinds that name no open descriptor at all: every call fails with EBADF.</summary>
    public static TheoryData<BadHandle> NotOpen => new(BadHandle.Invalid, BadHandle.Negative, BadHandle.Wide, BadHandle.Closed);

    public SocketHandle Handle { get; }

    /// <summary>The errno a socket call on this handle fails with: ENOTSOCK for /dev/null, EBADF otherwise.</summary>
    public int SocketErrno => _file is null ? PlatformErrors.NotOpen : NativeSocket.ENOTSOCK;

    public static BadHandles Open(BadHandle kind)
    {
        switch (kind)
        {
            case BadHandle.Invalid:
                return new BadHandles(NativeSocket.OsInvalidSocket);
            case BadHandle.Negative:
                return new BadHandles(new SocketHandle(-2));
            case BadHandle.Wide:
                var socket = OwnedSocket.Create();
                return new BadHandles(new SocketHandle(((nint)1 << 32) + socket.Handle.Value), socket: socket);
            case BadHandle.Closed:
                return new BadHandles(Descriptors.ClosedHandle());
            default:
                // NUL is Windows' null device; "/dev/null" there would name a file on the current drive.
                var file = File.OpenHandle(OperatingSystem.IsWindows() ? "NUL" : "/dev/null", FileMode.Open, FileAccess.ReadWrite);
                return new BadHandles(new SocketHandle(file.DangerousGetHandle()), file: file);
        }
    }

    /// <summary>Fails unless the open descriptors behind the handle are still open: a call on a bad handle must not close another.</summary>
    public void AssertNothingElseClosed()
    {
        if (_socket is not null)
        {
            Assert.True(Descriptors.IsOpen(_socket.Handle), "a call on the wide handle closed the socket its low bits name");
            Assert.Equal(Domain.AF_INET, NativeSocket.GetSockDomain(_socket.Handle));
        }
    }

    public void Dispose()
    {
        AssertNothingElseClosed();
        _socket?.Dispose();
        _file?.Dispose();
    }
}
