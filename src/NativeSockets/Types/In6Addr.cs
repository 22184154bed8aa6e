using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NativeSockets;

/// <summary>
/// C's <c>struct in6_addr</c>: an IPv6 address, the 16 bytes of <see cref="s6_addr"/> in network order
/// (the same layout on every platform).
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public readonly unsafe struct In6Addr : IEquatable<In6Addr>
{
    private readonly uint _word0;
    private readonly uint _word1;
    private readonly uint _word2;
    private readonly uint _word3;

    /// <summary>Wraps the 16 bytes of an IPv6 address, in network order.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 16 bytes long.</exception>
    public In6Addr(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != sizeof(In6Addr))
        {
            throw new ArgumentException($"An IPv6 address is {sizeof(In6Addr)} bytes, not {bytes.Length}.", nameof(bytes));
        }

        this = MemoryMarshal.Read<In6Addr>(bytes);
    }

    /// <summary>The 16 bytes of the address, in network order, as C's <c>s6_addr</c>.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> s6_addr => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<uint, byte>(ref Unsafe.AsRef(in _word0)), sizeof(In6Addr));

    /// <summary>Compares two addresses.</summary>
    public static bool operator ==(In6Addr left, In6Addr right) => left.Equals(right);

    /// <summary>Compares two addresses.</summary>
    public static bool operator !=(In6Addr left, In6Addr right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(In6Addr other) => s6_addr.SequenceEqual(other.s6_addr);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is In6Addr other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_word0, _word1, _word2, _word3);

    /// <summary>The address as the platform's <c>inet_ntop</c> writes it, e.g. <c>"::1"</c> or <c>"::ffff:127.0.0.1"</c>.</summary>
    public override string ToString()
    {
        var copy = this;
        return SocketAddressText.FormatIPv6(&copy, shortenV4Mapped: false);
    }
}
