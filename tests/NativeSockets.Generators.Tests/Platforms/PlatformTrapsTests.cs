using System;
using System.Linq;
using System.Numerics;
using NativeSockets.Generators.Model;
using Xunit;

namespace NativeSockets.Generators.Tests.Platforms;

/// <summary>The places where a binding that is right on Linux goes silently wrong elsewhere, one test each.</summary>
public class PlatformTrapsTests
{
    public static TheoryData<string> Bsds => new() { "osx-x64", "osx-arm64", "freebsd-x64" };

    public static TheoryData<string> Others => new() { "linux-x64", "linux-arm64", "linux-musl-x64", "win-x64" };

    public static TheoryData<string> Posix => new() { "linux-x64", "linux-arm64", "linux-musl-x64", "osx-x64", "osx-arm64", "freebsd-x64" };

    private static readonly (string Struct, string Prefix)[] SocketAddresses =
        { ("sockaddr", "sa"), ("sockaddr_in", "sin"), ("sockaddr_in6", "sin6"), ("sockaddr_un", "sun"), ("sockaddr_storage", "ss") };

    [Theory]
    [MemberData(nameof(Bsds))]
    public void Bsd_socket_addresses_start_with_a_length_byte_then_a_one_byte_family(string platform)
    {
        var model = ShippedPlatforms.Get(platform);
        foreach (var (name, prefix) in SocketAddresses)
        {
            var fields = model.Structs.Single(s => s.Name == name).Fields;
            Assert.Equal((0, 1), Layout(fields.Single(f => f.Name == prefix + "_len")));
            Assert.Equal((1, 1), Layout(fields.Single(f => f.Name == prefix + "_family")));
        }
    }

    [Theory]
    [MemberData(nameof(Others))]
    public void Linux_and_windows_socket_addresses_start_with_a_two_byte_family(string platform)
    {
        var model = ShippedPlatforms.Get(platform);
        foreach (var (name, prefix) in SocketAddresses)
        {
            var fields = model.Structs.Single(s => s.Name == name).Fields;
            Assert.DoesNotContain(fields, f => f.Name == prefix + "_len");
            Assert.Equal((0, 2), Layout(fields.Single(f => f.Name == prefix + "_family")));
        }
    }

    [Theory]
    [InlineData("linux-x64", 24, 32)]
    [InlineData("linux-arm64", 24, 32)]
    [InlineData("linux-musl-x64", 24, 32)]
    [InlineData("osx-x64", 32, 24)]
    [InlineData("osx-arm64", 32, 24)]
    [InlineData("freebsd-x64", 32, 24)]
    [InlineData("win-x64", 32, 24)]
    public void Addrinfo_puts_ai_addr_and_ai_canonname_where_the_platform_does(string platform, int addr, int canonname)
    {
        var fields = ShippedPlatforms.Get(platform).Structs.Single(s => s.Name == "addrinfo").Fields;

        Assert.Equal(addr, fields.Single(f => f.Name == "ai_addr").Offset);
        Assert.Equal(canonname, fields.Single(f => f.Name == "ai_canonname").Offset);
    }

    [Theory]
    [InlineData("osx-x64")]
    [InlineData("osx-arm64")]
    public void Macos_has_no_atomic_socket_flags_so_the_api_falls_back_to_fcntl(string platform)
    {
        var model = ShippedPlatforms.Get(platform);

        Assert.DoesNotContain(model.Constants, c => c.Name is "SOCK_CLOEXEC" or "SOCK_NONBLOCK");
        Assert.Contains(model.Functions, f => f.Name == "fcntl");
        Assert.Contains(model.Constants, c => c.Name == "FD_CLOEXEC");
    }

    [Theory]
    [MemberData(nameof(Posix))]
    public void Every_posix_platform_can_suppress_sigpipe_per_send_or_per_socket(string platform)
    {
        var names = ShippedPlatforms.Get(platform).Constants.Select(c => c.Name).ToHashSet();

        Assert.True(names.Contains("MSG_NOSIGNAL") || names.Contains("SO_NOSIGPIPE"));
        Assert.Equal(platform.StartsWith("osx-", StringComparison.Ordinal) || platform == "freebsd-x64", names.Contains("SO_NOSIGPIPE"));
    }

    [Fact]
    public void Apple_arm64_fcntl_and_ioctl_are_variadic_and_padded_onto_the_stack()
    {
        var model = ShippedPlatforms.Get("osx-arm64");
        Assert.All(model.Functions.Where(f => f.Name is "fcntl" or "ioctl"), f => Assert.Equal(2, f.VariadicIndex));

        var source = ShippedPlatforms.Output.Sources["OsxArm64.Functions.g.cs"];
        Assert.Contains("static extern unsafe int __PInvoke(int __fd_native, int __cmd_native, nint __pad2, nint __pad3, nint __pad4, nint __pad5, nint __pad6, nint __pad7, nint __arg_native);", source, StringComparison.Ordinal);
        Assert.DoesNotContain("__pad", ShippedPlatforms.Output.Sources["OsxX64.Functions.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linux-x64", "internal const int FIONBIO = 0x5421;")]
    [InlineData("osx-arm64", "internal const ulong FIONBIO = 0x8004667EUL;")]
    [InlineData("freebsd-x64", "internal const ulong FIONBIO = 0x8004667EUL;")]
    [InlineData("win-x64", "internal const int FIONBIO = -2147195266;")]
    public void Fionbio_is_zero_extended_on_the_bsds_and_a_32_bit_long_on_windows(string platform, string declaration)
    {
        var className = Resolution.PlatformResolver.ClassNameOf(platform);

        Assert.Contains(declaration, ShippedPlatforms.Output.Sources[className + ".Constants.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linux-x64", -2, -3)]
    [InlineData("linux-musl-x64", -2, -3)]
    [InlineData("osx-x64", 8, 2)]
    [InlineData("freebsd-x64", 8, 2)]
    [InlineData("win-x64", 11001, 11002)]
    public void Eai_codes_are_negative_on_linux_positive_on_the_bsds_and_winsock_numbers_on_windows(string platform, int noname, int again)
    {
        var constants = ShippedPlatforms.Get(platform).Constants;

        Assert.Equal(noname, (int)constants.Single(c => c.Name == "EAI_NONAME").Value);
        Assert.Equal(again, (int)constants.Single(c => c.Name == "EAI_AGAIN").Value);
    }

    [Fact]
    public void Windows_sockets_are_unsigned_pointer_sized_handles_and_invalid_socket_is_all_ones()
    {
        var model = ShippedPlatforms.Get("win-x64");

        Assert.Equal(Primitive.UIntPtr, model.Types.Single(t => t.Name == "SOCKET").Primitive);
        Assert.Equal((BigInteger.One << 64) - 1, model.Constants.Single(c => c.Name == "INVALID_SOCKET").Value);
        Assert.Equal("SOCKET", model.Functions.Single(f => f.Name == "socket").ReturnType.BaseName);
        Assert.Contains("internal const ulong INVALID_SOCKET = 0xFFFFFFFFFFFFFFFFUL;", ShippedPlatforms.Output.Sources["WinX64.Constants.g.cs"], StringComparison.Ordinal);
        Assert.All(model.Functions.Where(f => f.Library == "ws2" && f.Name != "WSAStartup" && f.Name != "WSAGetLastError" && f.Name != "freeaddrinfo" && f.Name != "getaddrinfo" && f.Name != "getnameinfo"), f => Assert.True(f.SetsLastError, f.Name));
    }

    [Theory]
    [InlineData("servent", "s_proto", 16, 8)]
    [InlineData("servent", "s_port", 24, 2)]
    [InlineData("hostent", "h_addrtype", 16, 2)]
    [InlineData("hostent", "h_length", 18, 2)]
    [InlineData("linger", "l_linger", 2, 2)]
    [InlineData("timeval", "tv_usec", 4, 4)]
    [InlineData("pollfd", "fd", 0, 8)]
    [InlineData("pollfd", "events", 8, 2)]
    public void Windows_structs_have_their_own_layouts(string name, string field, int offset, int size)
    {
        var definition = ShippedPlatforms.Get("win-x64").Structs.Single(s => s.Name == name);

        Assert.Equal((offset, size), Layout(definition.Fields.Single(f => f.Name == field)));
    }

    private static (int Offset, int Size) Layout(FieldDefinition field) => (field.Offset, field.Size);
}
