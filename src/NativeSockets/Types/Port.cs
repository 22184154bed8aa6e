using System;
using System.Globalization;

namespace NativeSockets;

/// <summary>
/// Nim's <c>Port</c>: a port number in host byte order, kept apart from other integers.
/// Converts to and from <see cref="ushort"/>; <see cref="ToString"/> gives the decimal number.
/// </summary>
public readonly struct Port : IEquatable<Port>
{
    /// <summary>Wraps a port number given in host byte order.</summary>
    public Port(ushort value) => Value = value;

    /// <summary>The port number in host byte order.</summary>
    public ushort Value { get; }

    /// <summary>Wraps a port number (host byte order).</summary>
    public static explicit operator Port(ushort value) => new(value);

    /// <summary>The port number (host byte order).</summary>
    public static implicit operator ushort(Port port) => port.Value;

    /// <summary>Nim's <c>==</c>.</summary>
    public static bool operator ==(Port left, Port right) => left.Value == right.Value;

    /// <summary>The negation of <c>==</c>.</summary>
    public static bool operator !=(Port left, Port right) => left.Value != right.Value;

    /// <summary>Wraps a port number (host byte order); the named form of the explicit conversion.</summary>
    public static Port FromUInt16(ushort value) => new(value);

    /// <summary>The port number (host byte order); the named form of the implicit conversion.</summary>
    public ushort ToUInt16() => Value;

    /// <inheritdoc/>
    public bool Equals(Port other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Port other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value;

    /// <summary>Nim's <c>$</c>: the decimal number, e.g. <c>"80"</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
