using System.Collections.Generic;
using System.Linq;
using NativeSockets.Generators.Model;
using NativeSockets.Generators.Resolution;

namespace NativeSockets.Generators.Emit;

/// <summary>
/// Emits what LibraryImportGenerator itself emits for blittable signatures: a plain <c>DllImport</c>
/// when nothing needs doing around the call, otherwise a wrapper that clears and captures the last
/// system error (errno, or the thread's last error on Windows) around a local <c>DllImport</c>. A
/// function marked <c>nogctransition</c> gets <c>[SuppressGCTransition]</c> on its <c>DllImport</c>, always
/// inside a wrapper.
/// </summary>
internal static class FunctionEmitter
{
    /// <summary>Apple arm64 passes the first eight integer arguments in registers x0-x7.</summary>
    private const int ArgumentRegisters = 8;

    public static string Emit(PlatformModel platform, TypeTable table)
    {
        var libraries = platform.Libraries.ToDictionary(l => l.Alias, l => l.FileName);
        var writer = PlatformEmitter.OpenClass(platform);
        foreach (var function in platform.Functions)
        {
            writer.Separator();
            EmitFunction(writer, function, libraries[function.Library], platform, table);
        }

        return writer.Close().ToString();
    }

    private static void EmitFunction(IndentedWriter writer, FunctionDefinition function, string library, PlatformModel platform, TypeTable table)
    {
        var returnType = CSharpNames.TypeOf(function.ReturnType, table);
        var parameters = function.Parameters.Select(p => (Name: CSharpNames.Identifier(p.Name), Type: CSharpNames.TypeOf(p.Type, table))).ToList();
        var padsVariadic = function.IsVariadic && platform.PassesVariadicArgumentsOnStack;
        var summary = $"<c>{CSharpNames.XmlEscape(CSharpNames.Prototype(function))}</c> from {library}";
        if (function.SetsLastError)
        {
            summary += "; its error is in Marshal.GetLastPInvokeError()";
        }

        if (function.SuppressesGCTransition)
        {
            summary += "; called without a GC transition, as it never blocks";
        }

        if (function.SymbolVersion is { } version)
        {
            summary += $"; the symbol's default version {version}, which the unversioned lookup of DllImport binds";
        }

        writer.Line($"/// <summary>{summary}.</summary>");
        if (padsVariadic)
        {
            writer.Line("/// <remarks>");
            writer.Line("/// Variadic: Apple arm64 passes variadic arguments on the stack, so the call fills the");
            writer.Line($"/// {ArgumentRegisters} argument registers with padding and widens each variadic argument to a stack slot.");
            writer.Line("/// </remarks>");
        }

        var dllImport = (function.SuppressesGCTransition ? CSharpNames.SuppressGCTransition + " " : string.Empty)
            + $"[{CSharpNames.DllImport}(\"{library}\", EntryPoint = \"{function.EntryPoint}\", ExactSpelling = true)]";
        var signature = string.Join(", ", parameters.Select(p => $"{p.Type} {p.Name}"));
        // A call without the GC transition has its target bound when the calling method is compiled,
        // not on first call, so it always sits in its own wrapper: the facade's unoptimized code names
        // every platform's function, and binding those would load other platforms' libraries.
        if (!function.SetsLastError && !padsVariadic && !function.SuppressesGCTransition)
        {
            writer.Line(dllImport);
            writer.Line($"internal static extern {returnType} {CSharpNames.Identifier(function.CSharpName)}({signature});");
            return;
        }

        var nativeParameters = new List<string>();
        var arguments = new List<string>();
        for (var i = 0; i < parameters.Count; i++)
        {
            var (name, type) = parameters[i];
            if (padsVariadic && i == function.VariadicIndex)
            {
                for (var pad = i; pad < ArgumentRegisters; pad++)
                {
                    nativeParameters.Add($"nint __pad{pad}");
                    arguments.Add("0");
                }
            }

            var isVariadic = padsVariadic && i >= function.VariadicIndex;
            nativeParameters.Add($"{(isVariadic ? "nint" : type)} __{name.TrimStart('@')}_native");
            arguments.Add(isVariadic ? $"(nint){name}" : name);
        }

        var call = $"__PInvoke({string.Join(", ", arguments)})";
        var returnsValue = returnType != "void";
        writer.Line("[global::System.Runtime.CompilerServices.SkipLocalsInitAttribute]");
        writer.Open($"internal static {returnType} {CSharpNames.Identifier(function.CSharpName)}({signature})");
        if (function.SetsLastError)
        {
            writer.Line("int __lastError;");
            if (returnsValue)
            {
                writer.Line($"{returnType} __retVal;");
            }

            writer.OpenBlock();
            writer.Line($"{CSharpNames.Marshal}.SetLastSystemError(0);");
            writer.Line(returnsValue ? $"__retVal = {call};" : $"{call};");
            writer.Line($"__lastError = {CSharpNames.Marshal}.GetLastSystemError();");
            writer.Close();
            writer.Line();
            writer.Line($"{CSharpNames.Marshal}.SetLastPInvokeError(__lastError);");
            if (returnsValue)
            {
                writer.Line("return __retVal;");
            }
        }
        else
        {
            writer.Line(returnsValue ? $"return {call};" : $"{call};");
        }

        writer.Line();
        writer.Line("// Local P/Invoke");
        writer.Line(dllImport);
        writer.Line($"static extern unsafe {returnType} __PInvoke({string.Join(", ", nativeParameters)});");
        writer.Close();
    }
}
