using System;

namespace NativeSockets.HttpServer;

/// <summary>
/// The little HTTP/1.1 this server speaks: every request is answered with the same small response, and a
/// request that asks for <c>Connection: close</c> gets the closing form of it. Requests carry no body.
/// </summary>
public static class HttpRequests
{
    /// <summary>The keep-alive response.</summary>
    public static ReadOnlySpan<byte> Response =>
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!"u8;

    /// <summary>The response to a request that asked to close the connection.</summary>
    public static ReadOnlySpan<byte> ClosingResponse =>
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\nConnection: close\r\n\r\nHello, World!"u8;

    /// <summary>
    /// The length of the first complete request in <paramref name="input"/> (its head up to the blank
    /// line), or 0 if the input does not hold one yet; <paramref name="close"/> tells whether it carries
    /// a <c>Connection: close</c> header (the name in any case).
    /// </summary>
    public static int NextRequest(ReadOnlySpan<byte> input, out bool close)
    {
        close = false;
        var end = input.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return 0;
        }

        var head = input[..(end + 2)];
        ReadOnlySpan<byte> name = "\r\nconnection:"u8;
        for (var at = head.IndexOf("\r\n"u8); at >= 0 && at + name.Length <= head.Length;)
        {
            var line = head[at..];
            if (StartsWithIgnoringCase(line, name))
            {
                var value = line[name.Length..].TrimStart((byte)' ');
                close = StartsWithIgnoringCase(value, "close"u8);
                break;
            }

            var next = line[2..].IndexOf("\r\n"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }

        return end + 4;
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCasePrefix)
    {
        if (text.Length < lowerCasePrefix.Length)
        {
            return false;
        }

        for (var i = 0; i < lowerCasePrefix.Length; i++)
        {
            if ((text[i] | 0x20) != lowerCasePrefix[i] && text[i] != lowerCasePrefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
