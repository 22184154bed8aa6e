using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using NativeSockets.Generators.Parsing;
using NativeSockets.Generators.Tests.Infrastructure;
using Xunit;

namespace NativeSockets.Generators.Tests;

/// <summary>Every malformed input gets its own diagnostic, at the file, line and column where it was written.</summary>
public class DiagnosticTests
{
    /// <summary>A valid platform header: six lines, so a test's own lines start at line 7.</summary>
    private const string Header = """
        platform test-x64
        os linux
        arch x64
        libc glibc
        library libc libc.so.6
        type int int32

        """;

    [Theory]
    [InlineData("NSG0001", "frobnicate x", "7:1")]
    [InlineData("NSG0002", "const X int", "7:9")]
    [InlineData("NSG0002", "function libc int f(int)", "7:21")]
    [InlineData("NSG0002", "function libc int f(int a, ...)", "7:31")]
    [InlineData("NSG0002", "type int32_t int33", "7:14")]
    [InlineData("NSG0002", "const X int * const 1", "7:15")]
    [InlineData("NSG0003", "const X int 12z", "7:13")]
    [InlineData("NSG0003", "struct s size 4x align 4\nend", "7:15")]
    [InlineData("NSG0004", "const X int 1\nconst X int 2", "8:7")]
    [InlineData("NSG0004", "struct s size 8 align 4\n  a @0 4 int\n  a @4 4 int\nend", "9:3")]
    [InlineData("NSG0005", "struct s size 4 align 4\n  a @0 4 int", "7:8")]
    [InlineData("NSG0005", "struct s size 4 align 4\nconst X int 1", "7:8")]
    [InlineData("NSG0006", "end", "7:1")]
    [InlineData("NSG0100", "const X socklen_t 1", "7:7")]
    [InlineData("NSG0100", "function libc socklen_t f(int a)", "7:25")]
    [InlineData("NSG0101", "type unsigned char uint8\nconst X unsigned char 256", "8:7")]
    [InlineData("NSG0101", "const X int 0x80000000", "7:7")]
    [InlineData("NSG0102", "struct s size 4 align 4\n  a @2 4 int\nend", "8:3")]
    [InlineData("NSG0103", "struct s size 12 align 4\n  a @0 4 int\n  b @2 4 int\nend", "9:3")]
    [InlineData("NSG0104", "struct s size 6 align 4\nend", "7:8")]
    [InlineData("NSG0105", "struct s size 6 align 3\nend", "7:8")]
    [InlineData("NSG0106", "struct s size 8 align 4\n  a @0 8 int\nend", "8:3")]
    [InlineData("NSG0107", "function nolib int f(int a)", "7:20")]
    [InlineData("NSG0108", "os plan9", "7:4")]
    [InlineData("NSG0109", "struct s size 4 align 4\n  a @0 4 int\nend\nfunction libc int f(struct s v)", "10:19")]
    [InlineData("NSG0109", "const X int * 1", "7:7")]
    [InlineData("NSG0110", "include missing.defs", "7:9")]
    [InlineData("NSG0112", "struct s size 8 align 4\n  a @0 8 struct s\nend", "8:3")]
    [InlineData("NSG0113", "function libc errno nogctransition int connect(int fd)", "7:21")]
    [InlineData("NSG0113", "function libc nogctransition int getaddrinfo(int a)", "7:15")]
    [InlineData("NSG0113", "function libc nogctransition int kevent(int a)", "7:15")]
    [InlineData("NSG0002", "function libc name=9x int f(int a)", "7:15")]
    [InlineData("NSG0002", "function libc version=FBSD-1 int f(int a)", "7:15")]
    public void Malformed_line_is_reported_where_it_is(string id, string lines, string lineAndColumn)
    {
        var output = GeneratorHarness.Run(("native-defs/test-x64.defs", Header + lines));

        Assert.Contains($"{id} native-defs/test-x64.defs:{lineAndColumn}", output.DiagnosticLines);
        Assert.DoesNotContain(output.DriverDiagnostics, d => d.Id == "CS8785");
    }

    [Fact]
    public void Messages_name_the_problem()
    {
        var output = GeneratorHarness.Run(("native-defs/test-x64.defs", Header + "struct s size 12 align 4\n  a @0 4 int\n  b @2 4 int\nend\nconst Y int 99999999999"));
        var messages = output.Diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Contains("Field 'b' (offset 2) overlaps field 'a' (offset 0, size 4) in struct 's'", messages);
        Assert.Contains("The value 99999999999 of constant 'Y' does not fit its type 'int' (-2147483648 to 2147483647)", messages);
    }

    [Fact]
    public void A_platform_without_os_and_arch_is_reported()
    {
        var output = GeneratorHarness.Run(("native-defs/bare.defs", "platform bare-x64\n"));

        Assert.Equal(["NSG0108 native-defs/bare.defs:1:10", "NSG0108 native-defs/bare.defs:1:10"], output.DiagnosticLines);
    }

    [Fact]
    public void An_include_cycle_is_reported()
    {
        var output = GeneratorHarness.Run(
            ("native-defs/test-x64.defs", Header + "include a.defs"),
            ("native-defs/a.defs", "include b.defs"),
            ("native-defs/b.defs", "include a.defs"));

        Assert.Contains("NSG0111 native-defs/b.defs:1:9", output.DiagnosticLines);
    }

    [Fact]
    public void Included_definitions_are_part_of_the_platform()
    {
        var output = GeneratorHarness.Run(
            ("native-defs/test-x64.defs", Header + "include common.defs"),
            ("native-defs/common.defs", "const FROM_COMMON int 7\nfunction libc errno int close(int fd)"));

        Assert.Empty(output.DiagnosticLines);
        Assert.Contains("internal const int FROM_COMMON = 7;", output.Sources["TestX64.Constants.g.cs"], StringComparison.Ordinal);
        Assert.Contains("internal static int close(int fd)", output.Sources["TestX64.Functions.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Nogctransition_puts_SuppressGCTransition_on_a_wrapped_DllImport_and_is_refused_on_a_call_that_can_wait()
    {
        var output = GeneratorHarness.Run(("native-defs/test-x64.defs", Header + """
            function libc nogctransition int plain(int a)
            function libc errno nogctransition int getsockopt(int fd)
            function libc errno nogctransition int poll(int fd)
            function libc errno int listen(int fd)
            """));
        var functions = output.Sources["TestX64.Functions.g.cs"];

        Assert.Equal(["NSG0113 native-defs/test-x64.defs:9:21"], output.DiagnosticLines);
        const string Suppress = "[global::System.Runtime.InteropServices.SuppressGCTransitionAttribute] [global::System.Runtime.InteropServices.DllImportAttribute(\"libc.so.6\", EntryPoint = \"";
        Assert.Contains(Suppress + "plain\"", functions, StringComparison.Ordinal);

        // Bound when its caller is compiled, so never called straight from the facade: always a wrapper.
        Assert.Contains("internal static int plain(int a)\n", functions, StringComparison.Ordinal);
        Assert.DoesNotContain("extern int plain(", functions, StringComparison.Ordinal);
        Assert.Contains(Suppress + "getsockopt\"", functions, StringComparison.Ordinal);
        Assert.DoesNotContain(Suppress + "poll\"", functions, StringComparison.Ordinal);
        Assert.DoesNotContain(Suppress + "listen\"", functions, StringComparison.Ordinal);
        Assert.Contains("SetLastSystemError(0)", functions.Substring(functions.IndexOf("int getsockopt(int fd)", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_for_one_platform_are_reported()
    {
        var output = GeneratorHarness.Run(("native-defs/a.defs", Header), ("native-defs/b.defs", Header));

        Assert.Contains("NSG0200 native-defs/b.defs:1:10", output.DiagnosticLines);
    }

    [Fact]
    public void A_function_whose_types_cannot_agree_across_platforms_is_reported()
    {
        var other = Header.Replace("test-x64", "other-x64", StringComparison.Ordinal);
        var output = GeneratorHarness.Run(
            ("native-defs/test-x64.defs", Header + "function libc int f(int a)"),
            ("native-defs/other-x64.defs", other + "function libc int f(int *a)"));

        Assert.Contains("NSG0201 native-defs/test-x64.defs:7:19", output.DiagnosticLines);
        Assert.DoesNotContain("Native.Functions.g.cs", output.Sources.Where(s => s.Value.Contains(" f(", StringComparison.Ordinal)).Select(s => s.Key));
    }

    [Fact]
    public void A_name_used_for_two_things_is_reported()
    {
        var output = GeneratorHarness.Run(("native-defs/test-x64.defs", Header + "struct s size 4 align 4\nend\nconst s int 1"));

        Assert.Contains("NSG0202 native-defs/test-x64.defs:9:7", output.DiagnosticLines);
    }

    [Fact]
    public void A_function_named_like_a_struct_binds_under_its_name_option()
    {
        var lines = "struct s size 4 align 4\n  a @0 4 int\nend\nfunction libc name=s_call version=TEST_1.5 int s(struct s *p)";

        var output = GeneratorHarness.Run(("native-defs/test-x64.defs", Header + lines));

        Assert.Empty(output.DiagnosticLines);
        var functions = output.Sources["TestX64.Functions.g.cs"];
        Assert.Contains("EntryPoint = \"s\"", functions, StringComparison.Ordinal);
        Assert.Contains("internal static extern int s_call(s* p);", functions, StringComparison.Ordinal);
        Assert.Contains("the symbol's default version TEST_1.5", functions, StringComparison.Ordinal);
        Assert.Contains("internal static int s_call(void* p)", output.Sources["Native.Functions.g.cs"], StringComparison.Ordinal);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_fault_while_reading_becomes_a_diagnostic_not_an_exception()
    {
        var file = DefinitionFileParser.Parse("native-defs/broken.defs", new ThrowingText(), CancellationToken.None);

        var diagnostic = Assert.Single(file.Diagnostics);
        Assert.Equal("NSG0900", diagnostic.Descriptor.Id);
        Assert.Contains("broken.defs", diagnostic.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_lines_are_skipped_and_the_rest_is_still_emitted()
    {
        var output = GeneratorHarness.Run(("native-defs/test-x64.defs", Header + "const BAD int zz\nconst GOOD int 1"));

        Assert.Single(output.DiagnosticLines);
        Assert.Contains("internal const int GOOD = 1;", output.Sources["TestX64.Constants.g.cs"], StringComparison.Ordinal);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    /// <summary>A source text whose lines cannot be read.</summary>
    private sealed class ThrowingText : SourceText
    {
        public override char this[int position] => throw new InvalidOperationException("unreadable");

        public override System.Text.Encoding? Encoding => null;

        public override int Length => 10;

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) =>
            throw new InvalidOperationException("unreadable");
    }
}
