using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using NativeSockets.Generators.Parsing;
using NativeSockets.Generators.Resolution;
using NativeSockets.Generators.Tests.Infrastructure;
using Xunit;

namespace NativeSockets.Generators.Tests;

/// <summary>
/// The SDK's own LibraryImportGenerator is the oracle: each function in the definitions, declared as a
/// <c>[LibraryImport]</c> with our signature (and <c>[SuppressGCTransition]</c> where the definition says
/// <c>nogctransition</c>), must be accepted with no diagnostic, and the native signature it lowers to,
/// that attribute included, must be the one our generator emits.
/// </summary>
public class LibraryImportCompatibilityTests
{
    [Theory]
    [InlineData("linux-x64")]
    [InlineData("linux-arm64")]
    [InlineData("linux-musl-x64")]
    [InlineData("osx-x64")]
    [InlineData("osx-arm64")]
    [InlineData("freebsd-x64")]
    [InlineData("win-x64")]
    public void Every_function_is_accepted_by_LibraryImportGenerator_and_lowered_to_our_signature(string platformName)
    {
        var shipped = GeneratorHarness.ShippedDefinitions();
        var platform = Assert.Single(
            PlatformResolver.Resolve(
                shipped.Select(f => DefinitionFileParser.Parse(f.Path, SourceText.From(f.Text), CancellationToken.None)).ToImmutableArray(),
                CancellationToken.None),
            p => p.Name == platformName);
        Assert.NotEmpty(platform.Functions);
        var ours = GeneratorHarness.Run(shipped);
        var libraries = platform.Libraries.ToDictionary(l => l.Alias, l => l.FileName);

        var declarations = new StringBuilder()
            .Append("[assembly: global::System.Runtime.CompilerServices.DisableRuntimeMarshalling]\n")
            .Append("namespace NativeSockets.Interop;\n")
            .Append(CultureInfo.InvariantCulture, $"internal static unsafe partial class {platform.ClassName}\n{{\n    internal static unsafe partial class LibraryImported\n    {{\n");
        var ourMethods = OurMethods(ours.Compilation, platform.ClassName);
        foreach (var function in platform.Functions)
        {
            var method = ourMethods[function.CSharpName];
            var parameters = string.Join(", ", method.Parameters.Select(p => $"{Display(p.Type)} {p.Name}"));
            if (function.SuppressesGCTransition)
            {
                declarations.Append("        [global::System.Runtime.InteropServices.SuppressGCTransition]\n");
            }

            declarations.Append(CultureInfo.InvariantCulture, $"        [global::System.Runtime.InteropServices.LibraryImport(\"{libraries[function.Library]}\", EntryPoint = \"{function.EntryPoint}\", SetLastError = {(function.SetsLastError ? "true" : "false")})]\n");
            declarations.Append(CultureInfo.InvariantCulture, $"        internal static partial {Display(method.ReturnType)} {function.CSharpName}({parameters});\n");
        }

        declarations.Append("    }\n}\n");
        var compilation = ours.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(declarations.ToString(), GeneratorHarness.ParseOptions));
        var driver = CSharpGeneratorDriver.Create(new[] { LoadLibraryImportGenerator() }, parseOptions: GeneratorHarness.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var lowered, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics.Select(d => d.ToString()));
        Assert.Empty(driver.GetRunResult().Diagnostics.Select(d => d.ToString()));
        Assert.Empty(lowered.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));

        var theirs = OurMethods(lowered, platform.ClassName + ".LibraryImported");
        // Apple arm64's padded variadic calls differ from a plain import on purpose (the padding test covers them).
        foreach (var function in platform.Functions.Where(f => !(f.IsVariadic && platform.PassesVariadicArgumentsOnStack)))
        {
            var expected = NativeSignature(lowered, theirs[function.CSharpName]);
            var actual = NativeSignature(lowered, OurMethods(lowered, platform.ClassName)[function.CSharpName]);
            Assert.Equal(expected, actual);
        }
    }

    private static ISourceGenerator LoadLibraryImportGenerator()
    {
        var assembly = Assembly.LoadFrom(Repository.LibraryImportGeneratorPath);
        var type = assembly.GetType("Microsoft.Interop.LibraryImportGenerator", throwOnError: true)!;
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    private static Dictionary<string, IMethodSymbol> OurMethods(Compilation compilation, string className) =>
        compilation.GetTypeByMetadataName("NativeSockets.Interop." + className.Replace('.', '+'))!
            .GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary)
            .ToDictionary(m => m.Name);

    /// <summary>What reaches the native function: the DllImport (the method itself, or its local __PInvoke) with its types.</summary>
    private static string NativeSignature(Compilation compilation, IMethodSymbol method)
    {
        var target = method.PartialImplementationPart ?? method;
        if (target.GetDllImportData() is null)
        {
            var body = target.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().First(m => m.Body is not null);
            var model = compilation.GetSemanticModel(body.SyntaxTree);
            var local = body.DescendantNodes().OfType<LocalFunctionStatementSyntax>().Single(l => l.Identifier.Text == "__PInvoke");
            target = (IMethodSymbol)model.GetDeclaredSymbol(local)!;
        }

        var import = target.GetDllImportData()!;
        var suppressesGCTransition = target.GetAttributes().Any(a => a.AttributeClass?.Name == "SuppressGCTransitionAttribute");
        return $"{(suppressesGCTransition ? "[SuppressGCTransition] " : string.Empty)}{import.ModuleName}!{import.EntryPointName} {Display(target.ReturnType)}({string.Join(", ", target.Parameters.Select(p => Display(p.Type)))})";
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
