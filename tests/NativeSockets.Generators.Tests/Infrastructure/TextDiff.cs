using System;
using System.Collections.Generic;
using System.Text;

namespace NativeSockets.Generators.Tests.Infrastructure;

/// <summary>A line diff (longest common subsequence) shown as hunks of '-' and '+' lines with context.</summary>
internal static class TextDiff
{
    private const int Context = 2;

    public static string Unified(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var edits = Edits(a, b);
        var output = new StringBuilder();
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < edits.Count && (edits[end].Kind != ' ' || NextChangeWithin(edits, end, 2 * Context)))
            {
                end++;
            }

            end = Math.Min(edits.Count, end + Context);
            output.Append("@@ verified line ").Append(edits[start].ExpectedLine + 1).Append(" @@\n");
            for (var k = start; k < end; k++)
            {
                output.Append(edits[k].Kind).Append(' ').Append(edits[k].Text).Append('\n');
            }

            i = end;
        }

        return output.ToString();
    }

    private static bool NextChangeWithin(List<Edit> edits, int from, int distance)
    {
        for (var k = from; k < edits.Count && k <= from + distance; k++)
        {
            if (edits[k].Kind != ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], x));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                edits.Add(new Edit('-', a[x], x));
                x++;
            }
            else
            {
                edits.Add(new Edit('+', b[y], x));
                y++;
            }
        }

        return edits;
    }

    private readonly record struct Edit(char Kind, string Text, int ExpectedLine);
}
