using System.Text;

namespace NativeSockets.Generators.Model;

/// <summary>
/// A C type as a definition file spells it: a base (a scalar type name such as <c>unsigned long</c>,
/// <c>struct NAME</c>, or <c>void</c>), whether the base is <c>const</c>, how many pointer levels
/// follow, and an array length (fields only; 0 when not an array).
/// </summary>
internal sealed record CType(string BaseName, bool IsStruct, bool IsConst, int PointerDepth, int ArrayLength)
{
    public bool IsPointer => PointerDepth > 0;

    public bool IsArray => ArrayLength > 0;

    public bool IsVoid => !IsStruct && PointerDepth == 0 && BaseName == "void";

    /// <summary>The type without its array suffix (the element type of an array).</summary>
    public CType Element => this with { ArrayLength = 0 };

    /// <summary>The type in C's own spelling, e.g. <c>const struct sockaddr *</c> or <c>char[108]</c>.</summary>
    public string Spelling
    {
        get
        {
            var text = new StringBuilder();
            if (IsConst)
            {
                text.Append("const ");
            }

            if (IsStruct)
            {
                text.Append("struct ");
            }

            text.Append(BaseName);
            if (PointerDepth > 0)
            {
                text.Append(' ').Append('*', PointerDepth);
            }

            if (ArrayLength > 0)
            {
                text.Append('[').Append(ArrayLength).Append(']');
            }

            return text.ToString();
        }
    }

    public override string ToString() => Spelling;
}
