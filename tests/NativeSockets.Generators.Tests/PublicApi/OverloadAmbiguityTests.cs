using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NativeSockets.Generators.Tests.Infrastructure;
using Xunit;

namespace NativeSockets.Generators.Tests.PublicApi;

/// <summary>
/// Every plain call a user can write with <c>null</c> or <c>default</c> for an argument compiles against the
/// public overloads, as the library ships for each target framework: the calls are generated from the
/// built assembly's public static methods (each parameter position in turn, with and without the trailing
/// optional ones) and compiled with Roslyn; none may be ambiguous (CS0121), and a <c>null</c> where the
/// overload's parameter takes one must resolve.
/// </summary>
public class OverloadAmbiguityTests
{
    public static TheoryData<string> Builds => new("net10.0", "net8.0");

    [Theory]
    [MemberData(nameof(Builds))]
    public void No_plain_call_with_null_or_default_is_ambiguous(string build)
    {
        var library = LibraryPath(build);
        var calls = Calls(Assembly.LoadFile(library)).ToList();
        Assert.True(calls.Count > 100, $"only {calls.Count} calls were generated");

        var (source, lines) = Source(calls);
        var compilation = CSharpCompilation.Create(
            "OverloadCalls",
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions)],
            References(library),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

        var failures = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => (Diagnostic: d, Call: lines[d.Location.GetLineSpan().StartLinePosition.Line]))
            .Where(f => f.Diagnostic.Id == "CS0121" || f.Call.MustResolve)
            .Select(f => $"{f.Call.Text}: {f.Diagnostic.Id} {f.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Distinct()
            .ToList();
        Assert.True(failures.Count == 0, $"{build}: {failures.Count} calls do not compile:\n" + string.Join("\n", failures));
    }

    /// <summary>One generated call: its text, and whether it must compile (a null the overload's parameter accepts).</summary>
    private sealed record Call(string Text, bool MustResolve, IReadOnlyList<string> Locals);

    /// <summary>The shipped library of <paramref name="build"/>: the referenced one for net10.0, the copy beside the tests for net8.0.</summary>
    private static string LibraryPath(string build)
    {
        var path = build == "net10.0"
            ? typeof(NativeSockets.NativeSocket).Assembly.Location
            : Path.Combine(AppContext.BaseDirectory, "library-" + build, "NativeSockets.dll");
        Assert.True(File.Exists(path), $"no {build} build of the library at {path}");
        return path;
    }

    private static IEnumerable<MetadataReference> References(string library) =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => !string.Equals(Path.GetFileName(p), "NativeSockets.dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(library));

    /// <summary>For every public static method: each arity its optional parameters allow, each position given null and then default.</summary>
    private static IEnumerable<Call> Calls(Assembly library)
    {
        var methods = library.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition);
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            var required = parameters.TakeWhile(p => !p.IsOptional).Count();
            for (var arity = required; arity <= parameters.Length; arity++)
            {
                for (var position = 0; position < arity; position++)
                {
                    var parameter = parameters[position];
                    if (parameter.ParameterType.IsByRef && !parameter.IsIn)
                    {
                        continue;
                    }

                    if (AcceptsNull(parameter.ParameterType))
                    {
                        yield return Invocation(method, parameters[..arity], position, "null", mustResolve: true);
                    }

                    yield return Invocation(method, parameters[..arity], position, "default", mustResolve: false);
                }
            }
        }
    }

    private static Call Invocation(MethodInfo method, ParameterInfo[] parameters, int position, string literal, bool mustResolve)
    {
        var locals = new List<string>();
        var arguments = parameters.Select((p, i) =>
        {
            if (i == position)
            {
                return literal;
            }

            var type = TypeName(p.ParameterType);
            if (p.IsOut)
            {
                return $"out {type} _";
            }

            if (p.ParameterType.IsByRef && !p.IsIn)
            {
                locals.Add($"{type} local{i} = default;");
                return $"ref local{i}";
            }

            return $"default({type})";
        });
        return new Call($"{TypeName(method.DeclaringType!)}.{method.Name}({string.Join(", ", arguments)})", mustResolve, locals);
    }

    /// <summary>Whether C# converts <c>null</c> to a parameter of this type: references, pointers, nullable values and spans (from a null array).</summary>
    private static bool AcceptsNull(Type type)
    {
        var element = type.IsByRef ? type.GetElementType()! : type;
        return !element.IsValueType
            || element.IsPointer
            || Nullable.GetUnderlyingType(element) is not null
            || (element.IsGenericType && element.GetGenericTypeDefinition() is var definition
                && (definition == typeof(Span<>) || definition == typeof(ReadOnlySpan<>)));
    }

    /// <summary>The C# name of a type, fully qualified.</summary>
    private static string TypeName(Type type)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!);
        }

        if (type.IsPointer)
        {
            return TypeName(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type == typeof(void))
        {
            return "void";
        }

        if (type.IsGenericType)
        {
            var name = type.GetGenericTypeDefinition().FullName!;
            return "global::" + name[..name.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.')
                + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
        }

        return "global::" + type.FullName!.Replace('+', '.');
    }

    /// <summary>The calls as one source file, one call per line; <paramref name="calls"/>' index by zero-based line.</summary>
    private static (string Source, Dictionary<int, Call> Lines) Source(IReadOnlyList<Call> calls)
    {
        var text = new StringBuilder("#pragma warning disable\ninternal static unsafe class Calls\n{\n");
        var lines = new Dictionary<int, Call>();
        var line = 3;
        for (var i = 0; i < calls.Count; i++)
        {
            text.Append("    private static void Call").Append(i).Append("() { ");
            foreach (var local in calls[i].Locals)
            {
                text.Append(local).Append(' ');
            }

            text.Append(calls[i].Text).Append("; }\n");
            lines[line++] = calls[i];
        }

        text.Append("}\n");
        return (text.ToString(), lines);
    }
}
