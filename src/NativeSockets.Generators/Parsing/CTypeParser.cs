using System.Collections.Generic;
using System.Globalization;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Parsing;

/// <summary>
/// Reads a C type from C tokens: <c>[const] (struct NAME | void | scalar words) [const] *... [\[N\]]</c>.
/// </summary>
internal static class CTypeParser
{
    /// <summary>
    /// Parses <paramref name="tokens"/>[<paramref name="from"/>..<paramref name="to"/>) as one type.
    /// On failure <paramref name="error"/> says what is wrong and <paramref name="at"/> where.
    /// </summary>
    public static bool TryParse(
        IReadOnlyList<Token> tokens, int from, int to, bool allowArray, out CType type, out string error, out Token at)
    {
        type = null!;
        error = string.Empty;
        at = from < tokens.Count ? tokens[from] : (tokens.Count > 0 ? tokens[tokens.Count - 1] : default);
        if (from >= to)
        {
            error = "a type is missing";
            return false;
        }

        var i = from;
        var isConst = false;
        var isStruct = false;
        var words = new List<string>();
        while (i < to && tokens[i].Text == "const")
        {
            isConst = true;
            i++;
        }

        if (i < to && tokens[i].Text == "struct")
        {
            isStruct = true;
            i++;
            if (i >= to || !CTokenizer.IsIdentifier(tokens[i].Text) || IsKeyword(tokens[i].Text))
            {
                at = i < to ? tokens[i] : tokens[i - 1];
                error = "'struct' must be followed by the struct's name";
                return false;
            }

            words.Add(tokens[i].Text);
            i++;
        }
        else
        {
            while (i < to && CTokenizer.IsIdentifier(tokens[i].Text) && tokens[i].Text != "struct")
            {
                if (tokens[i].Text == "const")
                {
                    isConst = true;
                }
                else
                {
                    words.Add(tokens[i].Text);
                }

                i++;
            }
        }

        while (i < to && tokens[i].Text == "const")
        {
            isConst = true;
            i++;
        }

        if (words.Count == 0)
        {
            at = i < to ? tokens[i] : tokens[to - 1];
            error = "a type name is missing";
            return false;
        }

        var pointerDepth = 0;
        while (i < to && tokens[i].Text == "*")
        {
            pointerDepth++;
            i++;
            if (i < to && tokens[i].Text == "const")
            {
                at = tokens[i];
                error = "a const pointer ('* const') is not supported; drop the const after '*'";
                return false;
            }
        }

        var arrayLength = 0;
        if (i < to && tokens[i].Text == "[")
        {
            if (!allowArray)
            {
                at = tokens[i];
                error = "arrays are only allowed as struct fields";
                return false;
            }

            if (i + 2 >= to || tokens[i + 2].Text != "]"
                || !int.TryParse(tokens[i + 1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out arrayLength)
                || arrayLength <= 0)
            {
                at = tokens[i];
                error = "an array is written TYPE[N] with a positive decimal N";
                return false;
            }

            i += 3;
        }

        if (i < to)
        {
            at = tokens[i];
            error = $"unexpected '{tokens[i].Text}' after the type";
            return false;
        }

        type = new CType(string.Join(" ", words), isStruct, isConst, pointerDepth, arrayLength);
        return true;
    }

    private static bool IsKeyword(string word) => word is "const" or "struct";
}
