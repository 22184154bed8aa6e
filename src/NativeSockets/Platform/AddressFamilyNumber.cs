using System;

namespace NativeSockets;

/// <summary>The family number a socket address's setter is given, checked to fit the 16-bit field before it is stored.</summary>
internal static class AddressFamilyNumber
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or above 65535.</exception>
    public static ushort Checked(int value) =>
        value is >= 0 and <= ushort.MaxValue
            ? (ushort)value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "An address family number is 0 to 65535.");
}
