using NativeSockets.HeaderCheck;
using Xunit;

namespace NativeSockets.Generators.Tests.Platforms;

/// <summary>The read-back understands each assembler dialect the cross compilers write.</summary>
public class AssemblyValuesTests
{
    [Theory]
    [InlineData("ns_check_3:\n\t.quad\t-2147195266\n", -2147195266L)]        // x86-64 ELF and PE
    [InlineData("ns_check_3:\n\t.xword\t18\n", 18L)]                        // aarch64
    [InlineData("ns_check_3:\n\t.8byte\t-1\n", -1L)]                        // aarch64, other gcc versions
    [InlineData("ns_check_3:\n\t.zero\t8\n", 0L)]                           // a zero on ELF
    [InlineData("ns_check_3:\n\t.space 8\n\t.globl\tns_check_4\n", 0L)]     // a zero on PE (mingw)
    [InlineData("ns_check_3:\n\t.quad\t-11                             # 0xfffffffffffffff5\n", -11L)]  // clang, ELF (FreeBSD)
    [InlineData("_ns_check_3:\n\t.quad\t64                              ## 0x40\n", 64L)]  // clang, Mach-O x86-64
    [InlineData("_ns_check_3:\n\t.quad\t0                               ; 0x0\n", 0L)]    // clang, Mach-O arm64
    public void Reads_the_value_after_its_label(string assembly, long expected)
    {
        var values = AssemblyValues.Read("\t.section\t.rodata\n\t.align 8\n" + assembly);

        Assert.Equal(expected, values["ns_check_3"]);
    }

    [Fact]
    public void A_label_without_a_value_gives_nothing()
    {
        Assert.Empty(AssemblyValues.Read("ns_check_1:\n\t.long\t5\n"));
    }
}
