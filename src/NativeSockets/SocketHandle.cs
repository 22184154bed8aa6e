using System;
using System.Globalization;

namespace NativeSockets;

/// <summary>
/// Nim's <c>SocketHandle</c>: a raw operating-system socket (a file descriptor on POSIX, a
/// <c>SOCKET</c> on Windows). It owns nothing: closing it is the caller's job, through
/// <see cref="NativeSocket.Close(SocketHandle)"/>. The invalid handle is
/// <see cref="NativeSocket.OsInvalidSocket"/>.
/// </summary>
public readonly struct SocketHandle : IEquatable<SocketHandle>
{
    /// <summary>Wraps a raw handle value.</summary>
    public SocketHandle(nint value) => Value = value;

    /// <summary>The raw value: the file descriptor, or the <c>SOCKET</c> bits on Windows.</summary>
    public nint Value { get; }

    /// <summary>True for <see cref="NativeSocket.OsInvalidSocket"/> (-1, or <c>INVALID_SOCKET</c> on Windows).</summary>
    public bool IsInvalid => Value == -1;

    /// <summary>The file descriptor on POSIX, where descriptors are C <c>int</c>s.</summary>
    internal int FileDescriptor => unchecked((int)Value);

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
