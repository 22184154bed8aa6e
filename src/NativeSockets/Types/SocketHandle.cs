using System;
using System.Globalization;

namespace NativeSockets;

/// <summary>
/// Nim's <c>SocketHandle</c>: a raw operating-system socket (a file descriptor on POSIX, a
/// <c>SOCKET</c> on Windows). It owns nothing: closing it is the caller's job, through
/// <see cref="NativeSocket.Close(SocketHandle)"/>, exactly once; after that the system may give the same
/// number to another socket or file, which a second close or any later call would then act on. An
/// <see cref="OwnedSocketHandle"/> closes its socket once however often it is disposed. The invalid handle is
/// <see cref="NativeSocket.OsInvalidSocket"/>. On POSIX a value outside the range of a C <c>int</c> names
/// no descriptor: calls on it fail with EBADF.
/// </summary>
public readonly struct SocketHandle : IEquatable<SocketHandle>
{
    /// <summary>Wraps a raw handle value.</summary>
    public SocketHandle(nint value) => Value = value;

    /// <summary>The raw value: the file descriptor, or the <c>SOCKET</c> bits on Windows.</summary>
    public nint Value { get; }

    /// <summary>True for <see cref="NativeSocket.OsInvalidSocket"/> (-1, or <c>INVALID_SOCKET</c> on Windows).</summary>
    public bool IsInvalid => Value == -1;

    /// <summary>
    /// The file descriptor on POSIX, where descriptors are C <c>int</c>s. A value no <c>int</c> can hold
    /// gives -1, which every call rejects with EBADF: its low 32 bits could name another open descriptor.
    /// </summary>
    internal int FileDescriptor => Value is >= int.MinValue and <= int.MaxValue ? (int)Value : -1;

    /// <summary>Wraps a raw handle value.</summary>
    public static explicit operator SocketHandle(nint value) => new(value);

    /// <summary>The raw handle value.</summary>
    public static explicit operator nint(SocketHandle handle) => handle.Value;

    /// <summary>Nim's <c>==</c>.</summary>
    public static bool operator ==(SocketHandle left, SocketHandle right) => left.Value == right.Value;

    /// <summary>The negation of <c>==</c>.</summary>
    public static bool operator !=(SocketHandle left, SocketHandle right) => left.Value != right.Value;

    /// <summary>Wraps a raw handle value; the named form of the explicit conversion.</summary>
    public static SocketHandle FromIntPtr(nint value) => new(value);

    /// <summary>The raw handle value; the named form of the explicit conversion.</summary>
    public nint ToIntPtr() => Value;

    /// <inheritdoc/>
    public bool Equals(SocketHandle other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SocketHandle other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The raw value in decimal.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
