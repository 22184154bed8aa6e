using System;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>
/// The netdb lookups: GetServByName, GetServByPort, GetProtoByName, GetHostByName and GetHostByAddr
/// (NativeSocket.Services.cs, Protocols.cs, Hosts.cs). Not found is an OSErrorException naming what was
/// looked up; text C cannot carry is an ArgumentException naming the argument.
/// </summary>
[Collection(nameof(RunsAlone))]
public class NetdbTests
{
    public static TheoryData<string> NamesNotFound => new("", "no-such-name", HostNames.OverLong(300), HostNames.OverLong(100_000));

    [Fact]
    public void Null_text_throws_naming_the_argument() => Run(() =>
    {
        ThrowsFor<ArgumentNullException>("name", () => NativeSocket.GetServByName(null!, "tcp"));
        ThrowsFor<ArgumentNullException>("proto", () => NativeSocket.GetServByName("http", null!));
        ThrowsFor<ArgumentNullException>("proto", () => NativeSocket.GetServByPort(new Port(80), null!));
        ThrowsFor<ArgumentNullException>("name", () => NativeSocket.GetProtoByName(null!));
        ThrowsFor<ArgumentNullException>("name", () => NativeSocket.GetHostByName(null!));
        ThrowsFor<ArgumentNullException>("ip", () => NativeSocket.GetHostByAddr(null!));
    });

    [Theory]
    [InlineData("\0")]
    [InlineData("tcp\0udp")]
    public void Text_with_a_NUL_throws_naming_the_argument(string text) => Run(() =>
    {
        ThrowsFor<ArgumentException>("name", () => NativeSocket.GetServByName(text, "tcp"));
        ThrowsFor<ArgumentException>("proto", () => NativeSocket.GetServByName("http", text));
        ThrowsFor<ArgumentException>("proto", () => NativeSocket.GetServByPort(new Port(80), text));
        ThrowsFor<ArgumentException>("name", () => NativeSocket.GetProtoByName(text));
        ThrowsFor<ArgumentException>("name", () => NativeSocket.GetHostByName("localhost" + text));
        ThrowsFor<ArgumentException>("ip", () => NativeSocket.GetHostByAddr("127.0.0.1" + text));
    });

    [Theory]
    [MemberData(nameof(NamesNotFound))]
    public void An_unknown_service_or_protocol_is_not_found_with_code_0_naming_the_lookup(string name) => Run(() =>
    {
        AssertNotFound($"Service not found: {name}/tcp.", () => NativeSocket.GetServByName(name, "tcp"));
        AssertNotFound($"Service not found: http/{name}.", () => NativeSocket.GetServByName("http", name));
        AssertNotFound($"Service not found: 80/{name}.", () => NativeSocket.GetServByPort(new Port(80), name));
        AssertNotFound($"protocol not found: {name}", () => NativeSocket.GetProtoByName(name));
    });

    [Theory]
    [InlineData(0)]
    [InlineData(ushort.MaxValue)]
    public void A_port_no_service_uses_is_not_found(int port) => Run(() =>
    {
        Assert.DoesNotContain(ServicesFile.Entries, entry => entry.Port == port);
        AssertNotFound($"Service not found: {port}/tcp.", () => NativeSocket.GetServByPort(new Port((ushort)port), "tcp"));
    });

    [Theory]
    [MemberData(nameof(HostsNotFound))]
    public void A_host_name_that_cannot_exist_fails_with_the_resolvers_code_naming_it(string name, int resolverError) => Run(() =>
    {
        var exception = Assert.Throws<OSErrorException>(() => NativeSocket.GetHostByName(name));
        Assert.Equal(OSErrorSpace.Resolver, exception.Space);
        Assert.Equal(resolverError, exception.ErrorCode);
        Assert.Contains($"getHostByName(\"{name}\")", exception.Message, StringComparison.Ordinal);
    });

    public static TheoryData<string, int> HostsNotFound
    {
        get
        {
            var hosts = new TheoryData<string, int>
            {
                { Unresolvable.Name, Native.HOST_NOT_FOUND },
                { HostNames.OverLong(300), Native.HOST_NOT_FOUND },
                { HostNames.OverLong(100_000), Native.HOST_NOT_FOUND },
            };

            // Windows' gethostbyname of an empty name is the local host (documented), a lookup the tests
            // do not make: it can reach the network's resolver.
            if (!OperatingSystem.IsWindows())
            {
                hosts.Add(string.Empty, PlatformErrors.EmptyHostName);
            }

            return hosts;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("::1::")]
    [InlineData("127.0.0.1 ")]
    public void GetHostByAddr_of_text_that_is_not_an_address_throws_naming_ip(string ip) => Run(() =>
        Assert.Contains($"\"{ip}\"", ThrowsFor<ArgumentException>("ip", () => NativeSocket.GetHostByAddr(ip)).Message, StringComparison.Ordinal));

    [Fact]
    public void GetHostByAddr_of_a_huge_text_throws_naming_ip() => Run(() =>
        ThrowsFor<ArgumentException>("ip", () => NativeSocket.GetHostByAddr(new string('1', 100_000))));

    [Fact]
    public void TryGetServByName_refuses_UTF8_with_a_NUL_or_over_the_limit_by_name() => Run(() =>
    {
        var tooLong = new byte[NativeSocket.MaxUtf8HostLength + 1];
        tooLong.AsSpan().Fill((byte)'a');
        ThrowsFor<ArgumentException>("name", () => NativeSocket.TryGetServByName("ht\0tp"u8, "tcp"u8, out _));
        ThrowsFor<ArgumentException>("proto", () => NativeSocket.TryGetServByName("http"u8, "tcp\0"u8, out _));
        ThrowsFor<ArgumentException>("name", () => NativeSocket.TryGetServByName(tooLong, "tcp"u8, out _));
        ThrowsFor<ArgumentException>("proto", () => NativeSocket.TryGetServByName("http"u8, tooLong, out _));
    });

    [Theory]
    [MemberData(nameof(NamesNotFound))]
    public void TryGetServByName_of_an_unknown_service_or_protocol_is_false_with_port_0_and_of_an_overlong_one_an_error(string name) => Run(() =>
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(name);
        if (utf8.Length > NativeSocket.MaxUtf8HostLength)
        {
            ThrowsFor<ArgumentException>("name", () => NativeSocket.TryGetServByName(utf8, "tcp"u8, out _));
            return;
        }

        Assert.False(NativeSocket.TryGetServByName(utf8, "tcp"u8, out var port));
        Assert.Equal(0, port.Value);
        Assert.False(NativeSocket.TryGetServByName("http"u8, utf8, out port));
        Assert.Equal(0, port.Value);
    });

    private static void AssertNotFound(string message, Action call)
    {
        var exception = Assert.Throws<OSErrorException>(call);
        Assert.Equal(0, exception.ErrorCode);
        Assert.Equal(OSErrorSpace.None, exception.Space);
        Assert.EndsWith(message, exception.Message, StringComparison.Ordinal);
    }
}
