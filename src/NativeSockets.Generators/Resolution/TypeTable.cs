using System.Collections.Generic;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Resolution;

/// <summary>What each C type name means on one platform: its scalar types and its structs.</summary>
internal sealed class TypeTable
{
    private readonly Dictionary<string, Primitive> _scalars = new();
    private readonly Dictionary<string, StructDefinition> _structs = new();

    public TypeTable(IEnumerable<TypeDefinition> types, IEnumerable<StructDefinition> structs, int pointerSize)
    {
        PointerSize = pointerSize;
        foreach (var type in types)
        {
            _scalars[type.Name] = type.Primitive;
        }

        foreach (var definition in structs)
        {
            _structs[definition.Name] = definition;
        }
    }

    public int PointerSize { get; }

    public bool TryGetScalar(CType type, out Primitive primitive)
    {
        primitive = default;
        return !type.IsStruct && !type.IsPointer && _scalars.TryGetValue(type.BaseName, out primitive);
    }

    public bool TryGetStruct(string name, out StructDefinition definition) => _structs.TryGetValue(name, out definition!);

    /// <summary>Whether the base of the type (ignoring pointers and arrays) is declared or is <c>void</c>.</summary>
    public bool IsKnownBase(CType type) =>
        type.IsStruct ? _structs.ContainsKey(type.BaseName) : type.BaseName == "void" || _scalars.ContainsKey(type.BaseName);

    /// <summary>The size in bytes, or null when the type is unknown or has no size (<c>void</c>).</summary>
    public int? SizeOf(CType type)
    {
        int? element;
        if (type.IsPointer)
        {
            element = PointerSize;
        }
        else if (type.IsStruct)
        {
            element = _structs.TryGetValue(type.BaseName, out var definition) ? definition.Size : null;
        }
        else
        {
            element = _scalars.TryGetValue(type.BaseName, out var primitive) ? primitive.Size(PointerSize) : null;
        }

        return type.IsArray ? element * type.ArrayLength : element;
    }

    /// <summary>Plain <c>char</c> holds text: the bindings treat it as a byte whatever its signedness.</summary>
    public static bool IsText(CType type) => !type.IsStruct && type.BaseName == "char";
}
