using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NativeSockets.Generators.Emit;
using NativeSockets.Generators.Parsing;
using NativeSockets.Generators.Resolution;

namespace NativeSockets.Generators;

/// <summary>
/// Turns the definition files (<c>*.defs</c> additional files) into per-platform bindings and the
/// <c>Native</c> facade. Pipeline: parse each file → resolve each platform → emit it; all platforms
/// together → facade → emit. Every step's value is equatable, so unchanged input is fully cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NativeSocketsGenerator : IIncrementalGenerator
{
    /// <summary>The tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class StepNames
    {
        /// <summary>One <c>DefinitionFile</c> per definition file.</summary>
        public const string Parse = nameof(Parse);

        /// <summary>One <c>PlatformModel</c> per platform file.</summary>
        public const string Resolve = nameof(Resolve);

        /// <summary>The one <c>FacadeModel</c> over all platforms.</summary>
        public const string Facade = nameof(Facade);
    }

    /// <summary>The extension of definition files.</summary>
    public const string DefinitionFileExtension = ".defs";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(DefinitionFileExtension, StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => DefinitionFileParser.Parse(text.Path, text.GetText(cancellationToken) ?? Microsoft.CodeAnalysis.Text.SourceText.From(string.Empty), cancellationToken))
            .WithTrackingName(StepNames.Parse);

        context.RegisterSourceOutput(files, static (output, file) =>
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var platforms = files.Collect()
            .SelectMany(static (all, cancellationToken) => PlatformResolver.Resolve(all, cancellationToken))
            .WithTrackingName(StepNames.Resolve);

        context.RegisterSourceOutput(platforms, static (output, platform) =>
        {
            foreach (var diagnostic in platform.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (!platform.IsDuplicate)
            {
                foreach (var (hintName, source) in PlatformEmitter.Emit(platform))
                {
                    output.AddSource(hintName, source);
                }
            }
        });

        var facade = platforms.Collect()
            .Select(static (all, cancellationToken) => FacadeBuilder.Build(all, cancellationToken))
            .WithTrackingName(StepNames.Facade);

        context.RegisterSourceOutput(facade, static (output, model) =>
        {
            foreach (var diagnostic in model.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (model.Platforms.Count > 0)
            {
                foreach (var (hintName, source) in FacadeEmitter.Emit(model))
                {
                    output.AddSource(hintName, source);
                }
            }
        });
    }
}
