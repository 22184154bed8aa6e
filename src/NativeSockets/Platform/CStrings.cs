using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace NativeSockets;

/// <summary>UTF-8, NUL-terminated C strings to and from managed text.</summary>
internal static unsafe class CStrings
{
    /// <summary>
    /// <paramref name="value"/> as UTF-8 with its terminating NUL, ready to pin and pass. A NUL inside
    /// would silently cut the text short, so it is refused.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains a NUL character.</exception>
    public static byte[] ToUtf8(string value, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(value, argumentName);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The text contains a NUL character, which C would read as its end.", argumentName);
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }

    /// <summary>
    /// Copies UTF-8 <paramref name="text"/> into <paramref name="destination"/> with its terminating NUL,
    /// for the overloads that take UTF-8 and allocate nothing.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="text"/> does not fit with its NUL, or contains a NUL byte, which C would read as its end.
    /// </exception>
    public static void CopyUtf8(ReadOnlySpan<byte> text, Span<byte> destination, string argumentName)
    {
        if (text.Length >= destination.Length || text.Contains((byte)0))
        {
            throw NotACString(text.Length, destination.Length - 1, argumentName);
        }

        text.CopyTo(destination);
        destination[text.Length] = 0;
    }

    // Out of line: the message formatting would otherwise enlarge every caller's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentException NotACString(int length, int maximum, string argumentName) => length > maximum
        ? new ArgumentException($"The text is {length} bytes; at most {maximum} are accepted.", argumentName)
        : new ArgumentException("The text contains a NUL byte, which C would read as its end.", argumentName);

    /// <summary>The text of a C string; "" for a null pointer.</summary>
    public static string FromUtf8(byte* text) => Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;

    /// <summary>The strings of a NULL-terminated array of C strings (<c>h_aliases</c>, <c>s_aliases</c>...).</summary>
    public static ReadOnlyCollection<string> FromUtf8List(byte** list)
    {
        var items = new List<string>();
        for (var entry = list; entry is not null && *entry is not null; entry++)
        {
            items.Add(FromUtf8(*entry));
        }

        return items.AsReadOnly();
    }
}
