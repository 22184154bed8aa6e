using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;
using NativeSockets.Generators.Emit;
using NativeSockets.Generators.Model;

namespace NativeSockets.HeaderCheck;

/// <summary>The outcome of checking one platform: every disagreement, each naming the platform, the symbol, the expected and the actual value.</summary>
internal sealed record HeaderCheckResult(string Platform, string Compiler, int Checked, IReadOnlyList<string> Failures, IReadOnlyDictionary<string, string> NotInHeaders)
{
    public bool Passed => Failures.Count == 0;

    public string Summary =>
        $"{Platform}: {Checked} facts checked against the headers of {Compiler}: " +
        (Passed ? "all match" : $"{Failures.Count} wrong") +
        (NotInHeaders.Count == 0 ? "." : $"; not in these headers (compared with facts.json instead): {string.Join(", ", NotInHeaders.Keys)}.");
}

/// <summary>
/// Compiles the C file <see cref="HeaderCheckEmitter"/> makes from a platform's definitions: with
/// <c>-S -DNS_READBACK</c> to read every actual value from the assembly (no need to run a cross
/// compiler's output), then without it so the <c>_Static_assert</c>s must hold, and optionally as a
/// program whose printout must agree with the assembly. <c>compilerArguments</c> go before every other
/// argument: a cross compiler's target and header folders (clang's <c>--target=... -nostdinc -isystem DIR</c>).
/// </summary>
internal static partial class HeaderChecker
{
    public static HeaderCheckResult Check(PlatformModel platform, string compiler, bool run, IReadOnlyList<string>? compilerArguments = null)
    {
        var cc = new Compiler(compiler, compilerArguments ?? Array.Empty<string>());
        var notInHeaders = NotInHeaders.For(platform.Name);
        var items = HeaderCheckEmitter.Items(platform, notInHeaders.Keys.ToList());
        var failures = new List<string>();
        var skipped = new HashSet<int>();
        var directory = Directory.CreateTempSubdirectory("nativesockets-headercheck-").FullName;
        try
        {
            var file = Path.Combine(directory, platform.Name + ".c");
            var values = ReadBack(platform, cc, items, skipped, file, failures);
            var wrong = new HashSet<int>();
            foreach (var item in items.Where(i => i.Kind != HeaderCheckKind.Function && !skipped.Contains(i.Index)))
            {
                if (!values.TryGetValue(item.VariableName, out var raw))
                {
                    failures.Add($"{platform.Name}: {item.Symbol}: expected {item.Expected}, but the assembly holds no value for it");
                    continue;
                }

                var actual = Interpret(raw, item);
                if (actual != item.Expected)
                {
                    wrong.Add(item.Index);
                    failures.Add(item.Kind == HeaderCheckKind.Prototype
                        ? $"{platform.Name}: {item.Symbol}: expected this prototype, actual: the headers declare another"
                        : $"{platform.Name}: {item.Symbol}: expected {item.Expected}, actual {actual}");
                }
            }

            CheckAssertions(platform, cc, items, skipped, wrong, file, failures);
            if (run)
            {
                CheckPrintout(platform, cc, items, skipped, values, file, failures);
            }

            return new HeaderCheckResult(platform.Name, cc.Name, items.Count - skipped.Count, failures, notInHeaders);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The value a check's C expression has, as the definitions' type reads those bits.</summary>
    private static BigInteger Interpret(long raw, HeaderCheckItem item) =>
        raw < 0 && item.CType is "uint64_t" or "uintptr_t" ? new BigInteger(unchecked((ulong)raw)) : new BigInteger(raw);

    /// <summary>
    /// Compiles to assembly and reads each check's value. A check the headers cannot compile (an
    /// undeclared name) is reported, left out, and the rest compiled again.
    /// </summary>
    private static Dictionary<string, long> ReadBack(
        PlatformModel platform, Compiler compiler, IReadOnlyList<HeaderCheckItem> items, HashSet<int> skipped, string file, List<string> failures)
    {
        var assembly = Path.ChangeExtension(file, ".s");
        while (true)
        {
            File.WriteAllText(file, HeaderCheckEmitter.Source(platform, items, skipped, out var lines));
            var result = compiler.Run("-S", "-O0", "-DNS_READBACK", "-o", assembly, file);
            if (result.ExitCode == 0)
            {
                return AssemblyValues.Read(File.ReadAllText(assembly));
            }

            var broken = ErrorLines(result.Output, file, lines);
            if (broken.Count == 0)
            {
                throw new InvalidOperationException($"{platform.Name}: {compiler} failed on the header check itself:\n{result.Output}");
            }

            foreach (var (index, message) in broken)
            {
                if (skipped.Add(index))
                {
                    var item = items[index];
                    var expected = item.Kind switch
                    {
                        HeaderCheckKind.Function => "a declaration",
                        HeaderCheckKind.Prototype => "this prototype",
                        _ => item.Expected.ToString(CultureInfo.InvariantCulture),
                    };
                    failures.Add($"{platform.Name}: {item.Symbol}: expected {expected}, actual: not compilable with these headers ({message})");
                }
            }
        }
    }

    /// <summary>The <c>_Static_assert</c>s must fail exactly where the read-back values differ.</summary>
    private static void CheckAssertions(
        PlatformModel platform, Compiler compiler, IReadOnlyList<HeaderCheckItem> items, HashSet<int> skipped, HashSet<int> wrong, string file, List<string> failures)
    {
        File.WriteAllText(file, HeaderCheckEmitter.Source(platform, items, skipped, out var lines));
        var result = compiler.Run("-fsyntax-only", file);
        var failed = ErrorLines(result.Output, file, lines).Select(e => e.Index).ToHashSet();
        if (result.ExitCode != 0 && failed.Count == 0)
        {
            failures.Add($"{platform.Name}: the _Static_assert file does not compile:\n{result.Output}");
        }

        foreach (var index in failed.Except(wrong))
        {
            failures.Add($"{platform.Name}: {items[index].Symbol}: its _Static_assert fails although the assembly holds {items[index].Expected}");
        }

        foreach (var index in wrong.Except(failed))
        {
            failures.Add($"{platform.Name}: {items[index].Symbol}: its _Static_assert holds although the assembly disagrees");
        }
    }

    /// <summary>Runs the check as a program (native compilers only) and compares its printout with the assembly.</summary>
    private static void CheckPrintout(
        PlatformModel platform, Compiler compiler, IReadOnlyList<HeaderCheckItem> items, HashSet<int> skipped, Dictionary<string, long> values, string file, List<string> failures)
    {
        File.WriteAllText(file, HeaderCheckEmitter.Source(platform, items, skipped, out _));
        var program = Path.ChangeExtension(file, ".out");
        var build = compiler.Run("-O0", "-DNS_READBACK", "-DNS_PRINT", "-o", program, file);
        if (build.ExitCode != 0)
        {
            failures.Add($"{platform.Name}: the printout program does not build:\n{build.Output}");
            return;
        }

        var printed = Tool.Run(program);
        var lines = printed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        foreach (var item in items.Where(i => i.Kind != HeaderCheckKind.Function && !skipped.Contains(i.Index)))
        {
            var inAssembly = values.TryGetValue(item.VariableName, out var a) ? a.ToString(CultureInfo.InvariantCulture) : "nothing";
            var inPrintout = lines.TryGetValue(item.VariableName, out var p) ? p.ToString(CultureInfo.InvariantCulture) : "nothing";
            if (inAssembly != inPrintout)
            {
                failures.Add($"{platform.Name}: {item.Symbol}: the program prints {inPrintout} but the assembly holds {inAssembly}");
            }
        }
    }

    /// <summary>The checks that compiler errors point at, with the first message for each.</summary>
    private static List<(int Index, string Message)> ErrorLines(string output, string file, IReadOnlyDictionary<int, int> lines)
    {
        var found = new List<(int, string)>();
        var seen = new HashSet<int>();
        foreach (Match match in ErrorPattern().Matches(output))
        {
            if (Path.GetFileName(match.Groups["file"].Value) == Path.GetFileName(file)
                && lines.TryGetValue(int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture), out var index)
                && seen.Add(index))
            {
                found.Add((index, match.Groups["message"].Value.Trim()));
            }
        }

        return found;
    }

    /// <summary>A compiler with the arguments that pick its target and headers.</summary>
    private sealed record Compiler(string Program, IReadOnlyList<string> Arguments)
    {
        public (int ExitCode, string Output) Run(params string[] arguments) => Tool.Run(Program, [.. Arguments, .. arguments]);

        /// <summary>The program and its target, without the header folders: how a report names the compiler.</summary>
        public string Name => string.Join(' ', Arguments.Where(a => a.StartsWith("--target", StringComparison.Ordinal)).Prepend(Program));

        public override string ToString() => Arguments.Count == 0 ? Program : $"{Program} {string.Join(' ', Arguments)}";
    }

    [GeneratedRegex(@"^(?<file>[^\s:][^:]*):(?<line>\d+):\d+: error: (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex ErrorPattern();
}
