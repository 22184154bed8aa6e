using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using NativeSockets.Generators.Model;
using NativeSockets.Generators.Resolution;

namespace NativeSockets.Generators.Emit;

/// <summary>
/// Emits one platform's bindings as three parts of one static class: its constants, its structs
/// (explicit layout, every offset as the definitions state it) and its functions.
/// </summary>
internal static class PlatformEmitter
{
    public static IEnumerable<(string HintName, string Source)> Emit(PlatformModel platform)
    {
        var table = new TypeTable(platform.Types, platform.Structs, platform.PointerSize);
        yield return ($"{platform.ClassName}.Constants.g.cs", EmitConstants(platform, table));
        yield return ($"{platform.ClassName}.Structs.g.cs", EmitStructs(platform, table));
        yield return ($"{platform.ClassName}.Functions.g.cs", FunctionEmitter.Emit(platform, table));
    }

    public static IndentedWriter OpenClass(PlatformModel platform)
    {
        var writer = new IndentedWriter().FileHeader("native-defs/" + platform.SourceFileName);
        var traits = platform.Libc is null ? $"{platform.Os}, {platform.Arch}" : $"{platform.Os}, {platform.Arch}, {platform.Libc}";
        writer.Line($"/// <summary>Native definitions of {platform.Name} ({traits}).</summary>");
        return writer.Open($"internal static unsafe partial class {platform.ClassName}");
    }

    private static string EmitConstants(PlatformModel platform, TypeTable table)
    {
        var writer = OpenClass(platform);
        writer.Line("/// <summary>The platform these definitions describe.</summary>");
        writer.Line($"internal const string PlatformName = \"{platform.Name}\";");
        foreach (var constant in platform.Constants)
        {
            table.TryGetScalar(constant.Type, out var primitive);
            var type = primitive.CSharpConstantName(platform.PointerSize);
            writer.Separator();
            writer.Line($"/// <summary><c>{constant.Name}</c> ({CSharpNames.XmlEscape(constant.Type.Spelling)}).</summary>");
            writer.Line($"internal const {type} {CSharpNames.Identifier(constant.Name)} = {Literal(constant.Value, constant.IsHex, type)};");
        }

        return writer.Close().ToString();
    }

    private static string EmitStructs(PlatformModel platform, TypeTable table)
    {
        var writer = OpenClass(platform);
        foreach (var definition in platform.Structs)
        {
            writer.Separator();
            EmitStruct(writer, definition, table);
        }

        return writer.Close().ToString();
    }

    private static void EmitStruct(IndentedWriter writer, StructDefinition definition, TypeTable table)
    {
        writer.Line($"/// <summary><c>struct {definition.Name}</c>: {definition.Size} bytes, aligned to {definition.Alignment}.</summary>");
        // A packed C struct (epoll_event on x86-64) is less aligned than its fields: Pack lowers the runtime's alignment to C's.
        var pack = NaturalFieldAlignment(definition, table) > definition.Alignment ? $", Pack = {definition.Alignment}" : string.Empty;
        writer.Line($"[global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Explicit, Size = {definition.Size}{pack})]");
        writer.Open($"internal unsafe partial struct {CSharpNames.Identifier(definition.Name)}");
        var alignmentField = AlignmentFieldType(definition, table);
        if (alignmentField is not null)
        {
            // The listed fields alone would give the struct a smaller alignment than C gives it.
            writer.Line($"/// <summary>Gives the struct C's alignment of {definition.Alignment}; not a C field.</summary>");
            writer.Line("#pragma warning disable CS0649 // Never assigned: it exists for its alignment only.");
            writer.Line("[global::System.Runtime.InteropServices.FieldOffset(0)]");
            writer.Line($"internal readonly {alignmentField} __alignment;");
            writer.Line("#pragma warning restore CS0649");
        }

        foreach (var field in definition.Fields)
        {
            writer.Separator();
            writer.Line($"/// <summary><c>{CSharpNames.XmlEscape(field.Type.Spelling)} {field.Name}</c> at offset {field.Offset} ({field.Size} bytes).</summary>");
            writer.Line($"[global::System.Runtime.InteropServices.FieldOffset({field.Offset})]");
            var name = CSharpNames.Identifier(field.Name);
            if (field.Type.IsArray)
            {
                writer.Line($"public fixed {CSharpNames.TypeOf(field.Type.Element, table)} {name}[{field.Type.ArrayLength}];");
            }
            else
            {
                writer.Line($"public {CSharpNames.TypeOf(field.Type, table)} {name};");
            }
        }

        writer.Close();
    }

    /// <summary>The type of a hidden field that raises the struct's alignment to C's, or null if none is needed.</summary>
    private static string? AlignmentFieldType(StructDefinition definition, TypeTable table)
    {
        if (NaturalFieldAlignment(definition, table) >= definition.Alignment)
        {
            return null;
        }

        return definition.Alignment switch { 2 => "ushort", 4 => "uint", _ => "ulong" };
    }

    /// <summary>The alignment the runtime gives a struct of these fields when nothing lowers or raises it.</summary>
    private static int NaturalFieldAlignment(StructDefinition definition, TypeTable table) =>
        definition.Fields.Select(f => NaturalAlignment(f.Type, table)).DefaultIfEmpty(1).Max();

    private static int NaturalAlignment(CType type, TypeTable table)
    {
        if (type.IsPointer)
        {
            return table.PointerSize;
        }

        if (type.IsStruct)
        {
            return table.TryGetStruct(type.BaseName, out var nested) ? nested.Alignment : 1;
        }

        return table.TryGetScalar(type.Element, out var primitive) ? primitive.Size(table.PointerSize) : 1;
    }

    private static string Literal(BigInteger value, bool isHex, string type)
    {
        var suffix = type switch { "uint" => "U", "long" => "L", "ulong" => "UL", _ => string.Empty };
        if (!isHex || value.Sign < 0)
        {
            return value.ToString(CultureInfo.InvariantCulture) + suffix;
        }

        var hex = value.ToString("X", CultureInfo.InvariantCulture).TrimStart('0');
        return "0x" + (hex.Length == 0 ? "0" : hex) + suffix;
    }
}
