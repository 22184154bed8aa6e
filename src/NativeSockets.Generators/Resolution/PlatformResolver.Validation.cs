using System.Collections.Generic;
using System.Linq;
using NativeSockets.Generators.Diagnostics;
using NativeSockets.Generators.Model;
using System.Globalization;
using System.Numerics;

namespace NativeSockets.Generators.Resolution;

/// <summary>The checks each kind of definition must pass to be emitted.</summary>
internal static partial class PlatformResolver
{
    private static bool IsValidConstant(ConstantDefinition constant, TypeTable table, string platform, List<DiagnosticInfo> diagnostics)
    {
        var where = $"constant '{constant.Name}' ({platform})";
        if (!table.IsKnownBase(constant.Type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownType, constant.Location, constant.Type.Spelling, where));
            return false;
        }

        if (!table.TryGetScalar(constant.Type, out var primitive))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, constant.Location, constant.Type.Spelling, "the type of a constant", "constants are integers; use a scalar type"));
            return false;
        }

        var min = primitive.MinValue(table.PointerSize);
        var max = primitive.MaxValue(table.PointerSize);
        if (constant.Value < min || constant.Value > max)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ValueOutOfRange, constant.Location, Text(constant.Value), constant.Name, constant.Type.Spelling, Text(min), Text(max)));
            return false;
        }

        return true;
    }

    private static List<StructDefinition> ValidStructs(List<StructDefinition> structs, TypeTable table, string platform, List<DiagnosticInfo> diagnostics)
    {
        var valid = structs.Where(s => IsValidStruct(s, table, platform, diagnostics)).ToList();

        // A struct is emitted only if every struct it names (held by value or pointed to) is emitted too,
        // and none holds itself; the invalid struct's own diagnostic says what to fix.
        bool changed;
        do
        {
            var names = new HashSet<string>(valid.Select(s => s.Name));
            var before = valid.Count;
            valid.RemoveAll(s => s.Fields.Any(f => f.Type.IsStruct && !names.Contains(f.Type.BaseName)));
            changed = valid.Count != before;
        }
        while (changed);

        var byName = valid.ToDictionary(s => s.Name);
        valid.RemoveAll(s => ContainsItself(s, byName, diagnostics));
        return valid;
    }

    private static bool IsValidStruct(StructDefinition definition, TypeTable table, string platform, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        if (definition.Alignment is not (1 or 2 or 4 or 8 or 16))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadAlignment, definition.Location, definition.Name, Text(definition.Alignment)));
            ok = false;
        }
        else if (definition.Size == 0 || definition.Size % definition.Alignment != 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeNotMultipleOfAlignment, definition.Location, definition.Name, Text(definition.Size), Text(definition.Alignment)));
            ok = false;
        }

        FieldDefinition? previous = null;
        foreach (var field in definition.Fields)
        {
            ok &= IsValidField(definition, field, table, platform, diagnostics);
            if (previous is not null && field.Offset < previous.Offset + previous.Size)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.FieldsOverlap, field.Location, field.Name, Text(field.Offset), previous.Name, Text(previous.Offset), Text(previous.Size), definition.Name));
                ok = false;
            }

            previous = field;
        }

        return ok;
    }

    private static bool IsValidField(StructDefinition owner, FieldDefinition field, TypeTable table, string platform, List<DiagnosticInfo> diagnostics)
    {
        var where = $"field '{owner.Name}.{field.Name}' ({platform})";
        if (!table.IsKnownBase(field.Type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownType, field.Location, field.Type.Spelling, where));
            return false;
        }

        if (field.Type.IsVoid)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, field.Location, "void", "a field", "only pointers to void have a size"));
            return false;
        }

        if (field.Type.IsArray && (field.Type.IsPointer || field.Type.IsStruct))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, field.Location, field.Type.Spelling, "an array field", "arrays may only hold scalars"));
            return false;
        }

        var size = table.SizeOf(field.Type);
        if (size is null)
        {
            // A struct held by value that is itself invalid: its own diagnostic explains why.
            return false;
        }

        if (size != field.Size)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FieldSizeMismatch, field.Location, field.Name, Text(field.Size), field.Type.Spelling, Text(size.Value)));
            return false;
        }

        if (field.Offset + field.Size > owner.Size)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.FieldOutOfBounds, field.Location, field.Name, Text(field.Offset + field.Size), owner.Name, Text(owner.Size)));
            return false;
        }

        return true;
    }

    private static bool ContainsItself(StructDefinition root, Dictionary<string, StructDefinition> byName, List<DiagnosticInfo> diagnostics)
    {
        var stack = new Stack<string>();
        var seen = new HashSet<string>();
        stack.Push(root.Name);
        while (stack.Count > 0)
        {
            var current = byName[stack.Pop()];
            foreach (var field in current.Fields.Where(f => f.Type.IsStruct && !f.Type.IsPointer))
            {
                if (field.Type.BaseName == root.Name)
                {
                    var culprit = root.Fields.First(f => f.Type.IsStruct && !f.Type.IsPointer);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructCycle, culprit.Location, root.Name, culprit.Name));
                    return true;
                }

                if (byName.ContainsKey(field.Type.BaseName) && seen.Add(field.Type.BaseName))
                {
                    stack.Push(field.Type.BaseName);
                }
            }
        }

        return false;
    }

    private static bool IsValidFunction(
        FunctionDefinition function, TypeTable table, HashSet<string> libraries, string platform, List<DiagnosticInfo> diagnostics)
    {
        if (!libraries.Contains(function.Library))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownLibrary, function.Location, function.Name, function.Library));
            return false;
        }

        var ok = IsValidSignatureType(function, function.ReturnType, "the return type", allowVoid: true, table, platform, diagnostics);
        foreach (var parameter in function.Parameters)
        {
            ok &= IsValidSignatureType(function, parameter.Type, $"parameter '{parameter.Name}'", allowVoid: false, table, platform, diagnostics);
        }

        return ok;
    }

    private static bool IsValidSignatureType(
        FunctionDefinition function, CType type, string role, bool allowVoid, TypeTable table, string platform, List<DiagnosticInfo> diagnostics)
    {
        if (!table.IsKnownBase(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownType, function.Location, type.Spelling, $"{role} of function '{function.Name}' ({platform})"));
            return false;
        }

        if (type.IsVoid && !allowVoid)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, function.Location, "void", $"{role} of '{function.Name}'", "a parameter needs a type with a size"));
            return false;
        }

        if (type.IsStruct && !type.IsPointer)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, function.Location, type.Spelling, $"{role} of '{function.Name}'", "structs are passed by pointer only"));
            return false;
        }

        return true;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
