using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NativeSockets.Generators.Tests.Infrastructure;
using Xunit;

namespace NativeSockets.Generators.Tests;

/// <summary>
/// Two small platforms that differ the way Linux and macOS do: the facade gives each name one type,
/// and Apple arm64's variadic calls are padded so the variadic argument lands on the stack.
/// </summary>
public class SampleDefinitionsTests
{
    private static readonly Lazy<GeneratorOutput> Output = new(() => GeneratorHarness.Run(
        Directory.GetFiles(Path.Combine(Repository.Root, "tests", "NativeSockets.Generators.Tests", "Samples"), "*.defs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("Samples/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToArray()));

    public static TheoryData<string> GeneratedFiles => new(Output.Value.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void Generated_file_matches_its_snapshot(string hintName) =>
        Snapshot.Verify("Samples/" + hintName[..^".g.cs".Length], Output.Value.Sources[hintName]);

    [Fact]
    public void Samples_generate_cleanly_and_compile()
    {
        Assert.Empty(Output.Value.DiagnosticLines);
        Assert.Empty(Output.Value.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [Fact]
    public void Apple_arm64_variadic_calls_fill_the_argument_registers_before_the_variadic_argument()
    {
        var functions = Output.Value.Sources["SampleOsxArm64.Functions.g.cs"];

        Assert.Contains("__PInvoke(fd, cmd, 0, 0, 0, 0, 0, 0, (nint)arg)", functions, StringComparison.Ordinal);
        Assert.Contains("static extern unsafe int __PInvoke(int __fd_native, int __cmd_native, nint __pad2, nint __pad3, nint __pad4, nint __pad5, nint __pad6, nint __pad7, nint __arg_native);", functions, StringComparison.Ordinal);
        Assert.DoesNotContain("__pad", Output.Value.Sources["SampleLinuxX64.Functions.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_facade_widens_differing_types_and_reads_each_layout()
    {
        var constants = Output.Value.Sources["Native.Constants.g.cs"];
        var structs = Output.Value.Sources["Native.Structs.g.cs"];

        Assert.Contains("internal static long FIONBIO", constants, StringComparison.Ordinal);
        Assert.Contains("internal ushort sin_family", structs, StringComparison.Ordinal);
        Assert.Contains("internal static bool Has_sin_len { [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] get => global::NativeSockets.Interop.PlatformDetection.IsSampleOsxArm64; }", structs, StringComparison.Ordinal);
    }
}
