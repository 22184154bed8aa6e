using System.Security;
using Microsoft.CodeAnalysis.CSharp;
using NativeSockets.Generators.Model;
using NativeSockets.Generators.Resolution;

namespace NativeSockets.Generators.Emit;

/// <summary>How C names and types are written in C#.</summary>
internal static class CSharpNames
{
    public const string DllImport = "global::System.Runtime.InteropServices.DllImportAttribute";
    public const string Marshal = "global::System.Runtime.InteropServices.Marshal";
    public const string SuppressGCTransition = "[global::System.Runtime.InteropServices.SuppressGCTransitionAttribute]";

    public const string AggressiveInlining =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    public const string Detection = "global::NativeSockets.Interop.PlatformDetection";

    /// <summary>A C name usable as a C# identifier (C# keywords get an <c>@</c>).</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// The C# type of a C type on one platform, struct names referring to that platform's nested
    /// structs. Plain <c>char</c> is text and becomes <c>byte</c>; arrays are handled by the caller.
    /// </summary>
    public static string TypeOf(CType type, TypeTable table)
    {
        string name;
        if (type.IsStruct)
        {
            name = Identifier(type.BaseName);
        }
        else if (type.BaseName == "void")
        {
            name = "void";
        }
        else if (TypeTable.IsText(type))
        {
            name = "byte";
        }
        else
        {
            table.TryGetScalar(type.Element with { PointerDepth = 0, IsConst = false }, out var primitive);
            name = primitive.CSharpName();
        }

        return name + new string('*', type.PointerDepth);
    }

    public static string XmlEscape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    /// <summary>A C prototype as one line, for documentation.</summary>
    public static string Prototype(FunctionDefinition function)
    {
        var parameters = new System.Collections.Generic.List<string>();
        for (var i = 0; i < function.Parameters.Count; i++)
        {
            var parameter = function.Parameters[i];
            parameters.Add((i == function.VariadicIndex ? "... " : string.Empty) + Join(parameter.Type.Spelling, parameter.Name));
        }

        return $"{Join(function.ReturnType.Spelling, function.Name)}({(parameters.Count == 0 ? "void" : string.Join(", ", parameters))})";

        static string Join(string type, string name) => type.EndsWith("*", System.StringComparison.Ordinal) ? type + name : type + " " + name;
    }
}
