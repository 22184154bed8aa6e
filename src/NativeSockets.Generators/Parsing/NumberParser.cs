using System.Globalization;
using System.Numerics;

namespace NativeSockets.Generators.Parsing;

/// <summary>Reads the integers of the format: decimal or <c>0x</c> hexadecimal, with an optional minus sign.</summary>
internal static class NumberParser
{
    public static bool TryParse(string text, out BigInteger value, out bool isHex)
    {
        value = BigInteger.Zero;
        isHex = false;
        var negative = text.StartsWith("-", System.StringComparison.Ordinal);
        var digits = negative ? text.Substring(1) : text;
        if (digits.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase))
        {
            isHex = true;
            digits = digits.Substring(2);
            if (digits.Length == 0 || digits.Length > 32 || !IsAll(digits, hex: true))
            {
                return false;
            }

            // A leading zero keeps BigInteger from reading the top bit as a sign.
            value = BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else
        {
            if (digits.Length == 0 || digits.Length > 40 || !IsAll(digits, hex: false))
            {
                return false;
            }

            value = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>Reads a non-negative decimal count such as an offset or a size.</summary>
    public static bool TryParseCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && IsAll(text, hex: false);

    private static bool IsAll(string text, bool hex)
    {
        foreach (var c in text)
        {
            var ok = c is >= '0' and <= '9' || (hex && (c is >= 'a' and <= 'f' || c is >= 'A' and <= 'F'));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
