using System;
using System.Collections.Generic;
using System.Globalization;

namespace NativeSockets.HeaderCheck;

/// <summary>
/// Reads the 64-bit constants a compiler wrote into its assembly output (<c>-S</c>): the data line
/// after each <c>ns_check_N:</c> label (<c>_ns_check_N:</c> in Mach-O, which prefixes C names with an
/// underscore). GNU assemblers spell an 8-byte value <c>.quad</c> (x86-64), <c>.xword</c> or <c>.8byte</c>
/// (arm64), and a zero as <c>.zero 8</c> (ELF) or <c>.space 8</c> (PE); clang follows a value with a
/// comment (<c># 0x1</c>, <c>## 0x1</c>, <c>; 0x1</c>), so only the first word after the directive counts.
/// </summary>
internal static class AssemblyValues
{
    public static Dictionary<string, long> Read(string assembly)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        string? label = null;
        foreach (var rawLine in assembly.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.TrimStart('_').StartsWith("ns_check_", StringComparison.Ordinal) && line.EndsWith(':'))
            {
                label = line[..^1].TrimStart('_');
                continue;
            }

            if (label is null || line.Length == 0 || !line.StartsWith('.'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            var directive = parts[0];
            if (directive is ".quad" or ".xword" or ".8byte" or ".dword" && parts.Length >= 2
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                values[label] = value;
                label = null;
            }
            else if (directive is ".zero" or ".space" && parts.Length >= 2 && parts[1] == "8")
            {
                values[label] = 0;
                label = null;
            }
        }

        return values;
    }
}
