using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NativeSockets.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="NativeSocketsGenerator"/> the way the compiler does, over in-memory definition files.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>What the library's hand-written half of PlatformDetection provides to generated code.</summary>
    public const string PlatformDetectionStub = """
        namespace NativeSockets.Interop;
        internal static partial class PlatformDetection
        {
            internal static readonly bool IsMusl = false;
            internal static System.PlatformNotSupportedException Missing(string name) => new(name);
        }
        """;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "GeneratorTestAssembly",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files) =>
        CSharpGeneratorDriver.Create(
            new[] { new NativeSocketsGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator over <paramref name="files"/> (path, text) and returns its output and the compilation with it.</summary>
    public static GeneratorOutput Run(params (string Path, string Text)[] files)
    {
        var driver = CreateDriver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)));
        var compilation = CreateCompilation(PlatformDetectionStub);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorOutput(driver.GetRunResult(), (CSharpCompilation)output, driverDiagnostics);
    }

    /// <summary>The shipped definition files, as (path, text).</summary>
    public static (string Path, string Text)[] ShippedDefinitions() =>
        Directory.GetFiles(Repository.DefinitionsDirectory, "*.defs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("native-defs/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToArray();
}

/// <summary>The result of one generator run.</summary>
internal sealed record GeneratorOutput(GeneratorDriverRunResult Result, CSharpCompilation Compilation, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>The diagnostics as "ID path:line:column", sorted, for assertions that read like the compiler's output.</summary>
    public IReadOnlyList<string> DiagnosticLines =>
        Diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"{d.Id} {span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}";
        }).OrderBy(s => s, StringComparer.Ordinal).ToList();
}
