using System.Linq;
using NativeSockets.HeaderCheck;
using Xunit;

namespace NativeSockets.Generators.Tests.Platforms;

/// <summary>
/// linux-x64's definitions against this machine's glibc headers with gcc: every fact compiled as a
/// _Static_assert, read back from the assembly and printed by the running program. (CI runs the same
/// checker with the cross compilers for linux-arm64, linux-musl-x64 and win-x64.)
/// </summary>
public class HeaderCheckTests
{
    [Fact]
    public void Linux_x64_matches_the_system_headers_in_the_assembly_the_asserts_and_the_printout()
    {
        var result = HeaderChecker.Check(ShippedPlatforms.Get("linux-x64"), "gcc", run: true);

        Assert.Empty(result.Failures);
        var platform = ShippedPlatforms.Get("linux-x64");
        var fields = platform.Structs.Sum(s => s.Fields.Count);
        var prototypes = platform.Functions.Count(f => f.EntryPoint == f.Name);
        var facts = (2 * platform.Types.Count) + platform.Constants.Count + (2 * platform.Structs.Count) + (2 * fields) + platform.Functions.Count + prototypes;
        Assert.Equal(facts, result.Checked);
    }

    [Theory]
    [InlineData("linux-common.defs", "const AF_INET6            int           10", "const AF_INET6            int           99", "linux-x64: AF_INET6: expected 99, actual 10")]
    [InlineData("linux-glibc.defs", "const SOMAXCONN           int           4096", "const SOMAXCONN           int           -4096", "linux-x64: SOMAXCONN: expected -4096, actual 4096")]
    [InlineData("linux-common.defs", "struct sockaddr_in size 16 align 4", "struct sockaddr_in size 16 align 8", "linux-x64: _Alignof(struct sockaddr_in): expected 8, actual 4")]
    [InlineData("linux-common.defs", "struct sockaddr_in6 size 28 align 4", "struct sockaddr_in6 size 32 align 4", "linux-x64: sizeof(struct sockaddr_in6): expected 32, actual 28")]
    [InlineData("linux-common.defs", "    ss_family        @0   2   sa_family_t", "    ss_family        @2   2   sa_family_t", "linux-x64: offsetof(struct sockaddr_storage, ss_family): expected 2, actual 0")]
    [InlineData("linux-common.defs", "type socklen_t           uint32", "type socklen_t           int32", "linux-x64: signed(socklen_t): expected 1, actual 0")]
    public void A_wrong_fact_fails_naming_the_platform_the_symbol_the_expected_and_the_actual_value(string file, string from, string to, string failure)
    {
        var platform = ShippedPlatforms.Resolve(ShippedPlatforms.WithChange(file, from, to), "linux-x64");

        var result = HeaderChecker.Check(platform, "gcc", run: false);

        Assert.Equal(new[] { failure }, result.Failures);
    }

    [Theory]
    [InlineData("function libc errno int     socket(int domain, int type, int protocol)", "function libc errno int     socket(int domain, long type, int protocol)", "linux-x64: prototype int socket(int domain, long type, int protocol): expected this prototype, actual: the headers declare another")]
    [InlineData("function libc errno ssize_t send(int fd, const void *buf, size_t n, int flags)", "function libc errno int send(int fd, const void *buf, size_t n, int flags)", "linux-x64: prototype int send(int fd, const void *buf, size_t n, int flags): expected this prototype, actual: the headers declare another")]
    [InlineData("function libc errno int     bind(int fd, const struct sockaddr *addr, socklen_t len)", "function libc errno int     bind(int fd, struct sockaddr *addr, socklen_t len)", "linux-x64: prototype int bind(int fd, struct sockaddr *addr, socklen_t len): expected this prototype, actual: the headers declare another")]
    public void A_wrong_prototype_fails_naming_it(string from, string to, string failure)
    {
        var platform = ShippedPlatforms.Resolve(ShippedPlatforms.WithChange("linux-common.defs", from, to), "linux-x64");

        var result = HeaderChecker.Check(platform, "gcc", run: false);

        Assert.Equal(new[] { failure }, result.Failures);
    }

    [Fact]
    public void A_function_the_headers_do_not_declare_fails_by_name()
    {
        var platform = ShippedPlatforms.Resolve(ShippedPlatforms.WithChange(
            "linux-common.defs", "const char * hstrerror(int err_num)", "const char * hstrerror_missing(int err_num)"), "linux-x64");

        var result = HeaderChecker.Check(platform, "gcc", run: false);

        Assert.Contains(result.Failures, f => f.StartsWith("linux-x64: function hstrerror_missing: expected a declaration, actual: not compilable with these headers", System.StringComparison.Ordinal));
        Assert.All(result.Failures, f => Assert.Contains("hstrerror_missing", f, System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_c_file_holds_a_static_assert_for_every_fact()
    {
        var platform = ShippedPlatforms.Get("linux-x64");
        var items = Generators.Emit.HeaderCheckEmitter.Items(platform, System.Array.Empty<string>());
        var source = Generators.Emit.HeaderCheckEmitter.Source(platform, items, new System.Collections.Generic.HashSet<int>(), out _);

        Assert.Equal(items.Count, source.Split('\n').Count(l => l.StartsWith("_Static_assert(", System.StringComparison.Ordinal)));
        Assert.Contains("_Static_assert((int32_t)((AF_INET6)) == (int32_t)(10ULL), \"linux-x64: AF_INET6 is 10\");", source, System.StringComparison.Ordinal);
        Assert.Contains("_Static_assert((long long)(offsetof(struct addrinfo, ai_addr)) == (long long)(24ULL), \"linux-x64: offsetof(struct addrinfo, ai_addr) is 24\");", source, System.StringComparison.Ordinal);
    }
}
