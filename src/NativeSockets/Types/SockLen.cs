using System;
using System.Globalization;

namespace NativeSockets;

/// <summary>
/// Nim's <c>SockLen</c>: the length of a socket address in bytes (C's <c>socklen_t</c>).
/// </summary>
public readonly struct SockLen : IEquatable<SockLen>
{
    /// <summary>Wraps a length in bytes.</summary>
    public SockLen(uint value) => Value = value;

    /// <summary>The length in bytes.</summary>
    public uint Value { get; }

    /// <summary>Wraps a length in bytes.</summary>
    public static implicit operator SockLen(uint value) => new(value);

    /// <summary>Wraps a length in bytes; a negative length is an <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static implicit operator SockLen(int value) => FromInt32(value);

    /// <summary>The length in bytes.</summary>
    public static implicit operator uint(SockLen length) => length.Value;

    /// <summary>Compares two lengths.</summary>
    public static bool operator ==(SockLen left, SockLen right) => left.Value == right.Value;

    /// <summary>Compares two lengths.</summary>
    public static bool operator !=(SockLen left, SockLen right) => left.Value != right.Value;

    /// <summary>Wraps a length in bytes, which must not be negative.</summary>
    public static SockLen FromInt32(int value) =>
        value >= 0 ? new SockLen((uint)value) : throw new ArgumentOutOfRangeException(nameof(value), value, "A socket address length cannot be negative.");

    /// <summary>The length in bytes.</summary>
    public uint ToUInt32() => Value;

    /// <inheritdoc/>
    public bool Equals(SockLen other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SockLen other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Value;

    /// <summary>The length in decimal.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
