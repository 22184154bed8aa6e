using System.Linq;
using NativeSockets.Generators.Resolution;
using Xunit;

namespace NativeSockets.Generators.Tests;

/// <summary>How one C# type is chosen for a name whose type differs between platforms.</summary>
public class ManagedTypeTests
{
    private static readonly ManagedType UInt8 = new("byte", ManagedKind.Integer, 1, false);
    private static readonly ManagedType UInt16 = new("ushort", ManagedKind.Integer, 2, false);
    private static readonly ManagedType Int16 = new("short", ManagedKind.Integer, 2, true);
    private static readonly ManagedType Int32 = new("int", ManagedKind.Integer, 4, true);
    private static readonly ManagedType UInt32 = new("uint", ManagedKind.Integer, 4, false);
    private static readonly ManagedType UInt64 = new("ulong", ManagedKind.Integer, 8, false);
    private static readonly ManagedType NUInt = new("nuint", ManagedKind.Integer, 8, false);
    private static readonly ManagedType IntPointer = new("int*", ManagedKind.Pointer, 8, false);

    [Theory]
    [InlineData("ushort", "ushort", "ushort")]
    [InlineData("ushort", "byte", "ushort")]
    [InlineData("short", "int", "int")]
    [InlineData("uint", "int", "long")]
    [InlineData("ulong", "uint", "ulong")]
    [InlineData("nuint", "int", "nint")]
    [InlineData("nuint", "uint", "nuint")]
    public void Integers_widen_to_hold_every_value(string first, string second, string expected)
    {
        var all = new[] { UInt8, UInt16, Int16, Int32, UInt32, UInt64, NUInt };
        var unified = ManagedType.Unify(new[] { all.Single(t => t.Name == first), all.Single(t => t.Name == second) });

        Assert.Equal(expected, unified?.Name);
    }

    [Fact]
    public void Different_pointers_become_void_pointers() =>
        Assert.Equal("void*", ManagedType.Unify(new[] { IntPointer, new ManagedType("uint*", ManagedKind.Pointer, 8, false) })?.Name);

    [Fact]
    public void A_pointer_and_an_integer_have_no_common_type() =>
        Assert.Null(ManagedType.Unify(new[] { IntPointer, Int32 }));
}
