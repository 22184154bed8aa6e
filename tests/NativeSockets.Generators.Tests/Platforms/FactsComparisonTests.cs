using Xunit;

namespace NativeSockets.Generators.Tests.Platforms;

/// <summary>
/// Every platform's definitions agree with the project's copy of facts.json wherever it holds the name;
/// the header check (.ci/platforms) confirms every name against the platform's own headers.
/// </summary>
public class FactsComparisonTests
{
    public static TheoryData<string> Platforms => ShippedPlatforms.All;

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Definitions_agree_with_facts_json(string platform) =>
        Assert.Empty(FactsComparison.Compare(ShippedPlatforms.Get(platform), PlatformFacts.For(platform)));

    [Theory]
    [InlineData("osx.defs", "osx-arm64", "const AF_INET6            int           30", "const AF_INET6            int           31", "osx-arm64: AF_INET6: expected 30 (facts.json), actual 31 (definitions)")]
    [InlineData("osx.defs", "osx-x64", "    ai_canonname     @24  8   char *\n    ai_addr          @32  8   struct sockaddr *", "    ai_addr          @24  8   struct sockaddr *\n    ai_canonname     @32  8   char *", "osx-x64: offsetof(struct addrinfo, ai_canonname): expected 24 (facts.json), actual 32 (definitions)")]
    [InlineData("freebsd-x64.defs", "freebsd-x64", "type nfds_t              uint32", "type nfds_t              int64", "freebsd-x64: nfds_t: expected unsigned 4 bytes (facts.json), actual signed 8 bytes (definitions)")]
    [InlineData("freebsd-x64.defs", "freebsd-x64", "const EAI_NONAME          int           8", "const EAI_NONAME          int           -2", "freebsd-x64: EAI_NONAME: expected 8 (facts.json), actual -2 (definitions)")]
    public void A_wrong_fact_fails_naming_the_platform_the_symbol_the_expected_and_the_actual_value(string file, string platform, string from, string to, string failure)
    {
        var model = ShippedPlatforms.Resolve(ShippedPlatforms.WithChange(file, from, to), platform);

        var failures = FactsComparison.Compare(model, PlatformFacts.For(platform));

        Assert.Contains(failure, failures);
    }

    [Theory]
    [InlineData(2147772030L, "int", -2147195266L)]
    [InlineData(2147772030L, "ulong", 2147772030L)]
    [InlineData(-1L, "uint", 4294967295L)]
    public void Facts_numbers_are_read_as_the_definitions_type_holds_them(long value, string type, long expected)
    {
        var primitive = type switch { "int" => Model.Primitive.Int32, "uint" => Model.Primitive.UInt32, _ => Model.Primitive.UInt64 };

        Assert.Equal(expected, (long)FactsComparison.AsType(value, primitive, 8));
    }
}
