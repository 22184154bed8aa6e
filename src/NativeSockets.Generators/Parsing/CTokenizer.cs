using System.Collections.Generic;

namespace NativeSockets.Generators.Parsing;

/// <summary>
/// Splits the C part of a line (a type or a prototype) into identifiers, numbers and the punctuation
/// the format allows: <c>* ( ) , [ ] ...</c>.
/// </summary>
internal static class CTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>; on an unexpected character returns false and its token.</summary>
    public static bool TryTokenize(string text, int start, List<Token> tokens, out Token bad)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsIdentifierStart(c) || char.IsDigit(c))
            {
                var begin = i;
                while (i < text.Length && (IsIdentifierStart(text[i]) || char.IsDigit(text[i])))
                {
                    i++;
                }

                tokens.Add(new Token(text.Substring(begin, i - begin), start + begin));
            }
            else if (c == '.' && string.CompareOrdinal(text, i, "...", 0, 3) == 0)
            {
                tokens.Add(new Token("...", start + i));
                i += 3;
            }
            else if (c is '*' or '(' or ')' or ',' or '[' or ']')
            {
                tokens.Add(new Token(c.ToString(), start + i));
                i++;
            }
            else
            {
                bad = new Token(c.ToString(), start + i);
                return false;
            }
        }

        bad = default;
        return true;
    }

    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !IsIdentifierStart(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsIdentifierStart(c) && !char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierStart(char c) => c == '_' || (c is >= 'a' and <= 'z') || (c is >= 'A' and <= 'Z');
}
