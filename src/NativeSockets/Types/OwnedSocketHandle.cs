using System;
using System.Runtime.InteropServices;

namespace NativeSockets;

/// <summary>
/// A socket with exactly one owner, which closes it once: a <see cref="SafeHandle"/> around a
/// <see cref="SocketHandle"/>, closed through <see cref="NativeSocket.Close(SocketHandle)"/> when it is
/// disposed or, if it never is, when the garbage collector finalizes it. Disposing it again does nothing,
/// so it cannot close a descriptor the system has since given to another socket, as closing a raw handle
/// twice can. It is lighter than System.Net's <c>SafeSocketHandle</c>
/// (<see cref="NativeSocket.ToSafeSocketHandle"/>), which brings System.Net.Sockets into an app.
/// </summary>
/// <remarks>
/// Keep the object alive (a <c>using</c> declaration does) while a call uses <see cref="Socket"/>: once
/// it is unreachable the finalizer may close the descriptor. Use <see cref="SafeHandle.DangerousAddRef"/> and
/// <see cref="SafeHandle.DangerousRelease"/> when another thread may dispose it during a call.
/// </remarks>
public sealed class OwnedSocketHandle : SafeHandle
{
    /// <summary>Takes ownership of <paramref name="socket"/>: from now on only this object closes it.</summary>
    /// <exception cref="ArgumentException"><paramref name="socket"/> is <see cref="NativeSocket.OsInvalidSocket"/>.</exception>
    public OwnedSocketHandle(SocketHandle socket)
        : base(NativeSocket.OsInvalidSocket.Value, ownsHandle: true)
    {
        if (socket.IsInvalid)
        {
            throw new ArgumentException("OsInvalidSocket names no socket to own.", nameof(socket));
        }

        SetHandle(socket.Value);
    }

    /// <summary>True when the handle is <see cref="NativeSocket.OsInvalidSocket"/>.</summary>
    public override bool IsInvalid => handle == NativeSocket.OsInvalidSocket.Value;

    /// <summary>The socket, for the calls of <see cref="NativeSocket"/>; never close it yourself.</summary>
    /// <exception cref="ObjectDisposedException">The handle is disposed: its number may already name another descriptor.</exception>
    public SocketHandle Socket
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return new SocketHandle(handle);
        }
    }

    /// <summary>Closes the socket; the runtime calls this once, whether the handle is disposed or finalized.</summary>
    protected override bool ReleaseHandle()
    {
        NativeSocket.Close(new SocketHandle(handle));
        return true;
    }
}
