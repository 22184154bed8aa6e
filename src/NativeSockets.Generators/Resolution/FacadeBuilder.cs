using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using NativeSockets.Generators.Diagnostics;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Resolution;

/// <summary>
/// Builds the <see cref="FacadeModel"/>: for every name any platform defines, one C# type that fits
/// every platform (see <see cref="ManagedType.Unify"/>), or a diagnostic when there is none.
/// </summary>
internal static class FacadeBuilder
{
    public static FacadeModel Build(ImmutableArray<PlatformModel> models, CancellationToken cancellationToken)
    {
        var platforms = models.Where(m => !m.IsDuplicate).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var tables = platforms.ToDictionary(p => p.ClassName, p => new TypeTable(p.Types, p.Structs, p.PointerSize));
        var diagnostics = new List<DiagnosticInfo>();

        var constants = new List<FacadeConstant>();
        foreach (var group in GroupByName(platforms, p => p.Constants, c => c.Name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var types = group.Items.Select(item => ConstantType(item.Definition, tables[item.Platform.ClassName], item.Platform.PointerSize)).ToList();
            var unified = ManagedType.Unify(types);
            if (unified is null)
            {
                Incompatible(diagnostics, "Constant", group.Name, group.Items.Select(i => (i.Platform, i.Definition.Location)), types);
                continue;
            }

            var bindings = group.Items.Select((item, i) => new FacadeBinding(item.Platform.ClassName, types[i].Name));
            constants.Add(new FacadeConstant(group.Name, unified.Name, bindings.ToEquatableArray()));
        }

        var functions = new List<FacadeFunction>();
        foreach (var group in GroupByName(platforms, p => p.Functions, f => f.CSharpName))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var function = BuildFunction(group.Name, group.Items, tables, diagnostics);
            if (function is not null)
            {
                functions.Add(function);
            }
        }

        var structs = new List<FacadeStruct>();
        foreach (var group in GroupByName(platforms, p => p.Structs, s => s.Name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            structs.Add(BuildStruct(group.Name, group.Items, tables, diagnostics));
        }

        RejectNameClashes(constants, functions, structs, platforms, diagnostics);
        return new FacadeModel(
            platforms.Select(p => new FacadePlatform(p.Name, p.ClassName, p.Os, p.Arch, p.Libc)).ToEquatableArray(),
            constants.ToEquatableArray(),
            functions.ToEquatableArray(),
            structs.ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    private static ManagedType ConstantType(ConstantDefinition constant, TypeTable table, int pointerSize)
    {
        table.TryGetScalar(constant.Type, out var primitive);

        // Constants of pointer-sized types are emitted as long/ulong (see PrimitiveFacts.CSharpConstantName).
        primitive = primitive switch { Primitive.IntPtr => Primitive.Int64, Primitive.UIntPtr => Primitive.UInt64, _ => primitive };
        return ManagedType.Integer(primitive, pointerSize);
    }

    private static FacadeFunction? BuildFunction(
        string name, List<(PlatformModel Platform, FunctionDefinition Definition)> items, Dictionary<string, TypeTable> tables, List<DiagnosticInfo> diagnostics)
    {
        var count = items[0].Definition.Parameters.Count;
        var odd = items.FirstOrDefault(i => i.Definition.Parameters.Count != count);
        if (odd.Definition is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.IncompatibleAcrossPlatforms,
                odd.Definition.Location,
                "Function",
                name,
                $"it takes {odd.Definition.Parameters.Count} parameters on {odd.Platform.Name} but {count} on {items[0].Platform.Name}"));
            return null;
        }

        var returnTypes = items.Select(i => ManagedType.Of(i.Definition.ReturnType, tables[i.Platform.ClassName])).ToList();
        var unifiedReturn = ManagedType.Unify(returnTypes);
        if (unifiedReturn is null)
        {
            Incompatible(diagnostics, "The return type of function", name, items.Select(i => (i.Platform, i.Definition.Location)), returnTypes);
            return null;
        }

        var parameters = new List<FacadeParameter>();
        var perPlatformTypes = items.Select(_ => new List<string>()).ToList();
        for (var index = 0; index < count; index++)
        {
            var types = items.Select(i => PlatformType(i.Definition.Parameters[index].Type, i.Platform, tables[i.Platform.ClassName])).ToList();
            var unified = ManagedType.Unify(types.Select(t => t.Managed).ToList());
            var parameterName = items[0].Definition.Parameters[index].Name;
            if (unified is null)
            {
                Incompatible(diagnostics, $"Parameter '{parameterName}' of function", name, items.Select(i => (i.Platform, i.Definition.Location)), types.Select(t => t.Managed).ToList());
                return null;
            }

            parameters.Add(new FacadeParameter(parameterName, unified.Name));
            for (var i = 0; i < items.Count; i++)
            {
                perPlatformTypes[i].Add(types[i].Qualified);
            }
        }

        var bindings = items.Select((item, i) => new FacadeFunctionBinding(
            item.Platform.ClassName, PlatformType(item.Definition.ReturnType, item.Platform, tables[item.Platform.ClassName]).Qualified, perPlatformTypes[i].ToEquatableArray()));
        return new FacadeFunction(name, unifiedReturn.Name, parameters.ToEquatableArray(), bindings.ToEquatableArray());
    }

    private static FacadeStruct BuildStruct(
        string name, List<(PlatformModel Platform, StructDefinition Definition)> items, Dictionary<string, TypeTable> tables, List<DiagnosticInfo> diagnostics)
    {
        var sizes = items.Select(i => new FacadeBinding(i.Platform.ClassName, i.Definition.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var fieldNames = items.SelectMany(i => i.Definition.Fields.Select(f => f.Name)).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        var fields = new List<FacadeField>();
        foreach (var fieldName in fieldNames)
        {
            var holders = items.Select(i => (i.Platform, Field: i.Definition.Fields.FirstOrDefault(f => f.Name == fieldName)))
                .Where(h => h.Field is not null).ToList();
            var types = holders.Select(h => PlatformType(h.Field!.Type, h.Platform, tables[h.Platform.ClassName])).ToList();
            var unified = ManagedType.Unify(types.Select(t => t.Managed).ToList());
            if (unified is null)
            {
                Incompatible(diagnostics, $"Field '{fieldName}' of struct", name, holders.Select(h => (h.Platform, h.Field!.Location)), types.Select(t => t.Managed).ToList());
                continue;
            }

            var kind = unified.Kind switch { ManagedKind.Struct => FacadeFieldKind.Struct, ManagedKind.Array => FacadeFieldKind.Array, _ => FacadeFieldKind.Value };
            var bindings = holders.Select((h, i) => new FacadeFieldBinding(h.Platform.ClassName, types[i].Qualified, h.Field!.Type.ArrayLength));
            fields.Add(new FacadeField(fieldName, kind, unified.Name, bindings.ToEquatableArray()));
        }

        return new FacadeStruct(name, sizes.ToEquatableArray(), fields.ToEquatableArray());
    }

    /// <summary>The type on one platform, both as the facade compares it and as the platform's class names it.</summary>
    private static (ManagedType Managed, string Qualified) PlatformType(CType type, PlatformModel platform, TypeTable table)
    {
        var managed = ManagedType.Of(type, table);
        var qualified = type.IsStruct
            ? $"global::NativeSockets.Interop.{platform.ClassName}.{Emit.CSharpNames.Identifier(type.BaseName)}{new string('*', type.PointerDepth)}"
            : managed.Name;
        return (managed, qualified);
    }

    private static IEnumerable<(string Name, List<(PlatformModel Platform, T Definition)> Items)> GroupByName<T>(
        List<PlatformModel> platforms, Func<PlatformModel, EquatableArray<T>> select, Func<T, string> nameOf)
        where T : IEquatable<T>
    {
        return platforms
            .SelectMany(p => select(p).Select(d => (Platform: p, Definition: d)))
            .GroupBy(x => nameOf(x.Definition), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToList()));
    }

    private static void Incompatible(
        List<DiagnosticInfo> diagnostics, string what, string name, IEnumerable<(PlatformModel Platform, LocationInfo Location)> places, List<ManagedType> types)
    {
        var list = places.ToList();
        var detail = string.Join(", ", list.Select((p, i) => $"{types[i].Name} on {p.Platform.Name}"));
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncompatibleAcrossPlatforms, list[list.Count - 1].Location, what, name, detail));
    }

    private static void RejectNameClashes(
        List<FacadeConstant> constants, List<FacadeFunction> functions, List<FacadeStruct> structs, List<PlatformModel> platforms, List<DiagnosticInfo> diagnostics)
    {
        // Each platform's class already rejects its own clashes; here two platforms may disagree.
        var structNames = new HashSet<string>(structs.Select(s => s.Name), StringComparer.Ordinal);
        var constantNames = new HashSet<string>(constants.Select(c => c.Name), StringComparer.Ordinal);
        foreach (var clash in functions.Where(f => structNames.Contains(f.Name) || constantNames.Contains(f.Name)).ToList())
        {
            functions.Remove(clash);
            var location = platforms.SelectMany(p => p.Functions).First(f => f.CSharpName == clash.Name).Location;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameClash, location, clash.Name, "a function", structNames.Contains(clash.Name) ? "a struct" : "a constant"));
        }

        foreach (var clash in constants.Where(c => structNames.Contains(c.Name)).ToList())
        {
            constants.Remove(clash);
            var location = platforms.SelectMany(p => p.Constants).First(c => c.Name == clash.Name).Location;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameClash, location, clash.Name, "a constant", "a struct"));
        }
    }
}
