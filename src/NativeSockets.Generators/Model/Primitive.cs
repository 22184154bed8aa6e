using System.Numerics;

namespace NativeSockets.Generators.Model;

/// <summary>The machine integer a C scalar type is on one platform (a <c>type</c> line's right-hand side).</summary>
internal enum Primitive
{
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,

    /// <summary>A signed integer as wide as a pointer (<c>ssize_t</c>, <c>intptr_t</c>).</summary>
    IntPtr,

    /// <summary>An unsigned integer as wide as a pointer (<c>size_t</c>, Windows <c>SOCKET</c>).</summary>
    UIntPtr,
}

/// <summary>Facts about <see cref="Primitive"/> values.</summary>
internal static class PrimitiveFacts
{
    public static bool TryParse(string text, out Primitive primitive)
    {
        switch (text)
        {
            case "int8": primitive = Primitive.Int8; return true;
            case "int16": primitive = Primitive.Int16; return true;
            case "int32": primitive = Primitive.Int32; return true;
            case "int64": primitive = Primitive.Int64; return true;
            case "uint8": primitive = Primitive.UInt8; return true;
            case "uint16": primitive = Primitive.UInt16; return true;
            case "uint32": primitive = Primitive.UInt32; return true;
            case "uint64": primitive = Primitive.UInt64; return true;
            case "intptr": primitive = Primitive.IntPtr; return true;
            case "uintptr": primitive = Primitive.UIntPtr; return true;
            default: primitive = default; return false;
        }
    }

    public static int Size(this Primitive primitive, int pointerSize) => primitive switch
    {
        Primitive.Int8 or Primitive.UInt8 => 1,
        Primitive.Int16 or Primitive.UInt16 => 2,
        Primitive.Int32 or Primitive.UInt32 => 4,
        Primitive.Int64 or Primitive.UInt64 => 8,
        _ => pointerSize,
    };

    public static bool IsSigned(this Primitive primitive) => primitive
        is Primitive.Int8 or Primitive.Int16 or Primitive.Int32 or Primitive.Int64 or Primitive.IntPtr;

    public static bool IsPointerSized(this Primitive primitive) => primitive is Primitive.IntPtr or Primitive.UIntPtr;

    /// <summary>The C# keyword for the type.</summary>
    public static string CSharpName(this Primitive primitive) => primitive switch
    {
        Primitive.Int8 => "sbyte",
        Primitive.Int16 => "short",
        Primitive.Int32 => "int",
        Primitive.Int64 => "long",
        Primitive.UInt8 => "byte",
        Primitive.UInt16 => "ushort",
        Primitive.UInt32 => "uint",
        Primitive.UInt64 => "ulong",
        Primitive.IntPtr => "nint",
        _ => "nuint",
    };

    /// <summary>
    /// The C# type of a constant: C# only allows <c>nint</c>/<c>nuint</c> constants within 32 bits,
    /// so pointer-sized constants of a 64-bit platform use <c>long</c>/<c>ulong</c>.
    /// </summary>
    public static string CSharpConstantName(this Primitive primitive, int pointerSize) => primitive switch
    {
        Primitive.IntPtr => pointerSize == 8 ? "long" : "int",
        Primitive.UIntPtr => pointerSize == 8 ? "ulong" : "uint",
        _ => primitive.CSharpName(),
    };

    public static BigInteger MinValue(this Primitive primitive, int pointerSize) =>
        primitive.IsSigned() ? -(BigInteger.One << ((primitive.Size(pointerSize) * 8) - 1)) : BigInteger.Zero;

    public static BigInteger MaxValue(this Primitive primitive, int pointerSize) =>
        primitive.IsSigned()
            ? (BigInteger.One << ((primitive.Size(pointerSize) * 8) - 1)) - 1
            : (BigInteger.One << (primitive.Size(pointerSize) * 8)) - 1;
}
