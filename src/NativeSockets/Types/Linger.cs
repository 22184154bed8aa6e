using System;
using System.Globalization;

namespace NativeSockets;

/// <summary>
/// The value of <see cref="NativeSocket.SO_LINGER"/> (C's <c>struct linger</c>): whether closing the socket
/// waits for unsent data, and for how many seconds. Enabled with 0 seconds makes close reset the
/// connection, dropping unsent data. Read and written by <see cref="NativeSocket.GetLinger"/> and
/// <see cref="NativeSocket.SetLinger"/>, which lay it out as the platform does (two <c>int</c>s on POSIX, two
/// <c>u_short</c>s on Windows).
/// </summary>
public readonly struct Linger : IEquatable<Linger>
{
    /// <summary>A linger setting.</summary>
    /// <param name="enabled">Whether close waits (<c>l_onoff</c>).</param>
    /// <param name="seconds">How long it waits, in seconds (<c>l_linger</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative.</exception>
    public Linger(bool enabled, int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        Enabled = enabled;
        Seconds = seconds;
    }

    /// <summary>Whether close waits for unsent data (<c>l_onoff</c>).</summary>
    public bool Enabled { get; }

    /// <summary>How long close waits, in seconds (<c>l_linger</c>).</summary>
    public int Seconds { get; }

    /// <summary>Whether both settings are equal.</summary>
    public static bool operator ==(Linger left, Linger right) => left.Equals(right);

    /// <summary>The negation of <c>==</c>.</summary>
    public static bool operator !=(Linger left, Linger right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(Linger other) => Enabled == other.Enabled && Seconds == other.Seconds;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Linger other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Enabled, Seconds);

    /// <summary>"on, 5 s" or "off, 0 s".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Enabled ? "on" : "off")}, {Seconds} s");
}
