using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using NativeSockets.Generators.Tests.Infrastructure;
using Xunit;

namespace NativeSockets.Generators.Tests.Platforms;

/// <summary>
/// The generated structs of every platform, compiled and measured on this machine, have the sizes,
/// alignments, field offsets and field sizes of facts.json: a wrong emitter is caught even for
/// platforms whose headers the tests never compile.
/// </summary>
public class ManagedLayoutTests
{
    private static readonly Lazy<ManagedLayout> Compiled = new(() => ManagedLayout.Load(ShippedPlatforms.Output.Compilation));

    public static TheoryData<string> Platforms => ShippedPlatforms.All;

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Compiled_structs_have_the_facts_layouts(string platform)
    {
        var model = ShippedPlatforms.Get(platform);

        Assert.NotEmpty(model.Structs);
        Assert.Empty(Compiled.Value.Compare(model, PlatformFacts.For(platform)));
    }

    [Fact]
    public void A_wrong_offset_in_the_emitted_code_fails_naming_the_platform_the_field_and_both_values()
    {
        // What a faulty emitter could write: sin_port one byte off in osx-arm64's sockaddr_in.
        const string hint = "OsxArm64.Structs.g.cs";
        var source = ShippedPlatforms.Output.Sources[hint];
        var port = source.IndexOf("public ushort sin_port;", StringComparison.Ordinal);
        var attribute = source.LastIndexOf("FieldOffset(2)", port, StringComparison.Ordinal);
        var broken = source[..attribute] + "FieldOffset(3)" + source[(attribute + "FieldOffset(2)".Length)..];
        var tree = ShippedPlatforms.Output.Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith(hint, StringComparison.Ordinal));
        var compilation = ShippedPlatforms.Output.Compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(broken, GeneratorHarness.ParseOptions, tree.FilePath));

        var failures = ManagedLayout.Load(compilation).Compare(ShippedPlatforms.Get("osx-arm64"), PlatformFacts.For("osx-arm64"));

        Assert.Contains("osx-arm64: offsetof(struct sockaddr_in, sin_port): expected 2, C# layout 3", failures);
    }

    [Fact]
    public void The_probe_measures_alignment()
    {
        Assert.Equal(8, ManagedLayout.AlignmentOf(typeof(long)));
        Assert.Equal(2, ManagedLayout.AlignmentOf(typeof(short)));
        Assert.Equal(1, ManagedLayout.AlignmentOf(typeof(byte)));
    }
}
