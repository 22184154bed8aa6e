using System.Collections.Generic;
using System.Numerics;
using NativeSockets.Generators.Model;
using NativeSockets.Generators.Resolution;

namespace NativeSockets.Generators.Tests.Platforms;

/// <summary>
/// Compares a platform's definitions with its facts: every constant value (as the definitions' type
/// reads it), scalar type, struct size, alignment, field offset and field size. A name the facts do not
/// hold is left to the header check, which <c>.ci/platforms</c> runs for every platform (macOS and
/// FreeBSD against their open-source header trees, which the tests never read).
/// </summary>
internal static class FactsComparison
{
    public static List<string> Compare(PlatformModel platform, PlatformFacts facts)
    {
        var failures = new List<string>();
        var table = new TypeTable(platform.Types, platform.Structs, platform.PointerSize);
        void Differs(string symbol, object expected, object actual) =>
            failures.Add($"{platform.Name}: {symbol}: expected {expected} (facts.json), actual {actual} (definitions)");

        foreach (var type in platform.Types)
        {
            if (facts.Types.TryGetValue(type.Name, out var fact))
            {
                var size = type.Primitive.Size(platform.PointerSize);
                if (fact.Size != size || fact.Signed != type.Primitive.IsSigned())
                {
                    Differs(type.Name, Describe(fact.Size, fact.Signed), Describe(size, type.Primitive.IsSigned()));
                }
            }
        }

        foreach (var constant in platform.Constants)
        {
            if (facts.AbsentConstants.Contains(constant.Name))
            {
                failures.Add($"{platform.Name}: {constant.Name}: facts.json says the platform does not define it, the definitions give {constant.Value}");
            }
            else if (facts.Constants.TryGetValue(constant.Name, out var value))
            {
                table.TryGetScalar(constant.Type, out var primitive);
                var expected = AsType(value, primitive, platform.PointerSize);
                if (expected != constant.Value)
                {
                    Differs(constant.Name, expected, constant.Value);
                }
            }
        }

        foreach (var definition in platform.Structs)
        {
            var type = "struct " + definition.Name;
            if (!facts.Structs.TryGetValue(PlatformFacts.StructKeyOf(definition.Name), out var fact))
            {
                continue;
            }

            if (fact.Size != definition.Size)
            {
                Differs($"sizeof({type})", fact.Size, definition.Size);
            }

            if (fact.Alignment != definition.Alignment)
            {
                Differs($"_Alignof({type})", fact.Alignment, definition.Alignment);
            }

            foreach (var field in definition.Fields)
            {
                if (!fact.Fields.TryGetValue(field.Name, out var factField))
                {
                    continue;
                }

                if (factField.Offset != field.Offset)
                {
                    Differs($"offsetof({type}, {field.Name})", factField.Offset, field.Offset);
                }

                if (factField.Size != field.Size)
                {
                    Differs($"sizeof({type}.{field.Name})", factField.Size, field.Size);
                }
            }
        }

        return failures;
    }

    /// <summary>The facts' number as the definitions' type holds it (0x8004667E is negative in a 32-bit long).</summary>
    public static BigInteger AsType(BigInteger value, Primitive primitive, int pointerSize)
    {
        var bits = primitive.Size(pointerSize) * 8;
        var modulus = BigInteger.One << bits;
        var wrapped = ((value % modulus) + modulus) % modulus;
        return primitive.IsSigned() && wrapped >= modulus / 2 ? wrapped - modulus : wrapped;
    }

    private static string Describe(int size, bool signed) => $"{(signed ? "signed" : "unsigned")} {size} bytes";
}
