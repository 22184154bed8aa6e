using System.Collections.Generic;
using System.Linq;
using NativeSockets.Generators.Emit;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Resolution;

/// <summary>What a C type is in C# on one platform, in the terms the facade unifies.</summary>
internal sealed record ManagedType(string Name, ManagedKind Kind, int Size, bool Signed)
{
    public static readonly ManagedType VoidPointer = new("void*", ManagedKind.Pointer, 8, false);

    /// <summary>The C# type of <paramref name="type"/>; a pointer to a struct becomes a <c>void</c> pointer.</summary>
    public static ManagedType Of(CType type, TypeTable table)
    {
        if (type.IsPointer)
        {
            var name = type.IsStruct ? "void" + new string('*', type.PointerDepth) : CSharpNames.TypeOf(type, table);
            return new ManagedType(name, ManagedKind.Pointer, table.PointerSize, false);
        }

        if (type.IsStruct)
        {
            return new ManagedType(CSharpNames.Identifier(type.BaseName), ManagedKind.Struct, 0, false);
        }

        if (type.IsVoid)
        {
            return new ManagedType("void", ManagedKind.Void, 0, false);
        }

        var primitive = TypeTable.IsText(type) ? Primitive.UInt8 : Scalar(type, table);
        var kind = type.IsArray ? ManagedKind.Array : ManagedKind.Integer;
        return new ManagedType(primitive.CSharpName(), kind, primitive.Size(table.PointerSize), primitive.IsSigned());
    }

    /// <summary>
    /// One type for all of <paramref name="types"/>: the type itself when they agree; for integers
    /// the smallest type that holds every value of each (pointer-sized ones give nint/nuint); for
    /// differing pointers <c>void*</c>. Null when no such type exists.
    /// </summary>
    public static ManagedType? Unify(IReadOnlyList<ManagedType> types)
    {
        var first = types[0];
        if (types.All(t => t == first))
        {
            return first;
        }

        if (types.All(t => t.Kind == ManagedKind.Integer))
        {
            return WidestInteger(types);
        }

        if (types.All(t => t.Kind == ManagedKind.Pointer))
        {
            return VoidPointer;
        }

        return null;
    }

    public static ManagedType Integer(Primitive primitive, int pointerSize) =>
        new(primitive.CSharpName(), ManagedKind.Integer, primitive.Size(pointerSize), primitive.IsSigned());

    public override string ToString() => Name;

    private static Primitive Scalar(CType type, TypeTable table)
    {
        table.TryGetScalar(type.Element with { PointerDepth = 0 }, out var primitive);
        return primitive;
    }

    private static ManagedType WidestInteger(IReadOnlyList<ManagedType> types)
    {
        var anySigned = types.Any(t => t.Signed);
        var anyUnsigned = types.Any(t => !t.Signed);
        if (types.Any(t => t.Name is "nint" or "nuint"))
        {
            return new ManagedType(anySigned ? "nint" : "nuint", ManagedKind.Integer, 8, anySigned);
        }

        var maxSigned = types.Where(t => t.Signed).Select(t => t.Size).DefaultIfEmpty(0).Max();
        var maxUnsigned = types.Where(t => !t.Signed).Select(t => t.Size).DefaultIfEmpty(0).Max();
        var size = !anySigned ? maxUnsigned : !anyUnsigned ? maxSigned : System.Math.Max(maxSigned, System.Math.Min(8, 2 * maxUnsigned));
        var name = (anySigned, size) switch
        {
            (true, 1) => "sbyte",
            (true, 2) => "short",
            (true, 4) => "int",
            (true, _) => "long",
            (false, 1) => "byte",
            (false, 2) => "ushort",
            (false, 4) => "uint",
            _ => "ulong",
        };
        return new ManagedType(name, ManagedKind.Integer, size, anySigned);
    }
}

/// <summary>The kinds of <see cref="ManagedType"/>.</summary>
internal enum ManagedKind
{
    Void,
    Integer,
    Pointer,
    Struct,
    Array,
}
