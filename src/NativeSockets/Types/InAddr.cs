using System;

namespace NativeSockets;

/// <summary>Nim's <c>InAddr</c> (C's <c>struct in_addr</c>): an IPv4 address, <see cref="s_addr"/> in network byte order.</summary>
public readonly struct InAddr : IEquatable<InAddr>
{
    /// <summary>Wraps an IPv4 address given in network byte order.</summary>
    public InAddr(uint networkOrderAddress) => s_addr = networkOrderAddress;

    /// <summary>The address in network byte order, as C's <c>s_addr</c>.</summary>
    public uint s_addr { get; }

    /// <summary>Compares two addresses.</summary>
    public static bool operator ==(InAddr left, InAddr right) => left.s_addr == right.s_addr;

    /// <summary>Compares two addresses.</summary>
    public static bool operator !=(InAddr left, InAddr right) => left.s_addr != right.s_addr;

    /// <inheritdoc/>
    public bool Equals(InAddr other) => s_addr == other.s_addr;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is InAddr other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)s_addr;

    /// <summary>The address as a dotted quad, e.g. <c>"127.0.0.1"</c>.</summary>
    public override string ToString() => SocketAddressText.FormatIPv4(s_addr);
}
