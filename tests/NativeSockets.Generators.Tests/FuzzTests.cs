using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NativeSockets.Generators.Emit;
using NativeSockets.Generators.Parsing;
using NativeSockets.Generators.Resolution;
using NativeSockets.Generators.Tests.Infrastructure;
using Xunit;

namespace NativeSockets.Generators.Tests;

/// <summary>
/// Mutated definition files (bit flips, truncation, random lines, huge numbers, deep nesting, invalid
/// UTF-8): the generator only ever reports diagnostics, never throws, never hangs, and what it emits compiles.
/// </summary>
public class FuzzTests
{
    private const int Seed = 20261121;
    private static readonly string[] Vocabulary =
    [
        "platform", "os", "arch", "libc", "library", "include", "type", "const", "struct", "end", "function", "errno", "lasterror", "nogctransition",
        "entry=x", "size", "align", "@0", "@4", "@-1", "@99999999999", "int", "unsigned", "long", "char", "void", "struct", "const",
        "*", "**", "(", ")", ",", "...", "[", "]", "[8]", "[0]", "0x", "0xFFFFFFFFFFFFFFFFFFFF", "-", "--1", "18446744073709551616",
        "99999999999999999999999999999999999999999", "linux", "osx", "windows", "x64", "arm64", "glibc", "musl", "int8", "uintptr",
        "sockaddr", "Native", "Defined", "PlatformDetection", "class", "@class", "event", "\t", "#", "\uFFFD", "\uD800", "é",
    ];

    [Fact]
    public void A_hundred_thousand_mutated_files_give_diagnostics_only()
    {
        var random = new Random(Seed);
        var seeds = GeneratorHarness.ShippedDefinitions().Select(f => f.Text).ToArray();
        var slowest = (Time: TimeSpan.Zero, Input: string.Empty, Index: 0);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < 100_000; i++)
        {
            var input = Mutate(random, Window(random, seeds[random.Next(seeds.Length)]));
            var elapsed = Timed(input, i);
            slowest = elapsed > slowest.Time ? (elapsed, input, i) : slowest;
        }

        // A machine busy with other work can stall any one input; an input the generator is slow on is slow
        // every time, so the slowest is timed again and its best time counts.
        var best = slowest.Time;
        for (var again = 0; again < 3 && best >= SlowInput; again++)
        {
            var retimed = Timed(slowest.Input, slowest.Index);
            best = retimed < best ? retimed : best;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"100,000 inputs in {total.Elapsed}; the slowest, input {slowest.Index}, took {slowest.Time} (best {best})");
        Assert.True(best < SlowInput, $"Input {slowest.Index} takes {best} every time:\n{slowest.Input}");
    }

    // Far above what any input takes on an idle machine (about 0.3 ms on average), far below a blow-up.
    private static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(2);

    private static TimeSpan Timed(string input, int index)
    {
        var started = Stopwatch.GetTimestamp();
        RunPipeline(input, index);
        return Stopwatch.GetElapsedTime(started);
    }

    [Fact]
    public void Mutated_whole_files_through_the_compiler_never_fault_and_their_output_compiles()
    {
        var random = new Random(Seed + 1);
        var seeds = GeneratorHarness.ShippedDefinitions();
        for (var i = 0; i < 100; i++)
        {
            var (path, text) = seeds[random.Next(seeds.Length)];
            var output = GeneratorHarness.Run((path, Mutate(random, text)));

            Assert.DoesNotContain(output.DriverDiagnostics, d => d.Id is "CS8784" or "CS8785");
            Assert.All(output.Diagnostics, d => Assert.StartsWith("NSG", d.Id, StringComparison.Ordinal));
            var errors = output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            Assert.True(errors.Count == 0, $"Input {i} produced code that does not compile:\n{string.Join('\n', errors.Take(5))}");
        }
    }

    private static void RunPipeline(string text, int index)
    {
        try
        {
            var file = DefinitionFileParser.Parse($"fuzz/{index % 3}.defs", SourceText.From(text), CancellationToken.None);
            var platforms = PlatformResolver.Resolve(ImmutableArray.Create(file), CancellationToken.None);
            foreach (var platform in platforms.Where(p => !p.IsDuplicate))
            {
                _ = PlatformEmitter.Emit(platform).ToList();
            }

            var facade = FacadeBuilder.Build(platforms, CancellationToken.None);
            if (facade.Platforms.Count > 0)
            {
                _ = FacadeEmitter.Emit(facade).ToList();
            }
        }
        catch (Exception exception)
        {
            Assert.Fail($"Input {index} threw {exception.GetType().Name}: {exception.Message}\n--- input ---\n{text}");
        }
    }

    /// <summary>A run of whole lines from a file, so most inputs are small and still mostly well formed.</summary>
    private static string Window(Random random, string text)
    {
        var lines = text.Split('\n');
        var header = lines.TakeWhile(l => !l.StartsWith("const", StringComparison.Ordinal)).ToArray();
        var start = random.Next(lines.Length);
        var length = random.Next(1, 40);
        return string.Join('\n', header.Concat(lines.Skip(start).Take(length)));
    }

    private static string Mutate(Random random, string text)
    {
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            text = random.Next(7) switch
            {
                0 => FlipBit(random, text),
                1 => text[..random.Next(text.Length + 1)],
                2 => InsertLine(random, text, RandomLine(random)),
                3 => InsertLine(random, text, $"const HUGE{random.Next(9)} int {new string('9', random.Next(20, 400))}"),
                4 => InsertLine(random, text, string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "struct s size 8 align 8\n" : "(((((*", random.Next(50, 2000)))),
                5 => InvalidUtf8(random, text),
                _ => ReplaceToken(random, text),
            };
        }

        return text;
    }

    private static string FlipBit(Random random, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = (char)(chars[at] ^ (1 << random.Next(8)));
        return new string(chars);
    }

    private static string InsertLine(Random random, string text, string line)
    {
        var lines = text.Split('\n').ToList();
        lines.Insert(random.Next(lines.Count + 1), line);
        return string.Join('\n', lines);
    }

    private static string RandomLine(Random random) =>
        string.Join(random.Next(4) == 0 ? string.Empty : " ", Enumerable.Range(0, random.Next(1, 12)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static string InvalidUtf8(Random random, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var garbage = new byte[random.Next(1, 16)];
        random.NextBytes(garbage);
        bytes.InsertRange(random.Next(bytes.Count + 1), garbage);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string ReplaceToken(Random random, string text)
    {
        var words = text.Split(' ');
        if (words.Length > 0)
        {
            words[random.Next(words.Length)] = Vocabulary[random.Next(Vocabulary.Length)];
        }

        return string.Join(' ', words);
    }
}
