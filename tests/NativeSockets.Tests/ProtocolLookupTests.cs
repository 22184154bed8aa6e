using System;
using System.Threading.Tasks;
using NativeSockets.Interop;
using Xunit;

namespace NativeSockets.Tests;

public class ProtocolLookupTests
{
    [Theory]
    [InlineData("tcp", Protocol.IPPROTO_TCP)]
    [InlineData("udp", Protocol.IPPROTO_UDP)]
    [InlineData("icmp", Protocol.IPPROTO_ICMP)]
    [InlineData("ipv6-icmp", Protocol.IPPROTO_ICMPV6)]
    public void GetProtoByName_returns_the_platform_number_of_the_protocol(string name, Protocol protocol)
    {
        Assert.Equal(NativeSocket.ToInt(protocol), NativeSocket.GetProtoByName(name));
    }

    [Fact]
    public void An_alias_is_found_where_the_C_library_reads_etc_protocols()
    {
        // /etc/protocols names tcp "TCP" too; musl does not read the file but a table of its own, which has
        // each protocol's name only.
        if (PlatformDetection.IsMusl)
        {
            Assert.Equal("protocol not found: TCP", Assert.Throws<OSErrorException>(() => NativeSocket.GetProtoByName("TCP")).Message);
        }
        else
        {
            Assert.Equal(NativeSocket.ToInt(Protocol.IPPROTO_TCP), NativeSocket.GetProtoByName("TCP"));
        }
    }

    [Fact]
    public void An_unknown_protocol_throws_with_Nim_2s_message_naming_it()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetProtoByName("nosuch"));

        Assert.Equal("protocol not found: nosuch", error.Message);
        Assert.Equal(0, error.ErrorCode);
        Assert.Equal(OSErrorSpace.None, error.Space);
    }

    [Fact]
    public void An_empty_name_is_not_found()
    {
        Assert.Equal("protocol not found: ", Assert.Throws<OSErrorException>(() => NativeSocket.GetProtoByName(string.Empty)).Message);
    }

    [Fact]
    public void Null_and_NUL_names_are_rejected()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => NativeSocket.GetProtoByName(null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => NativeSocket.GetProtoByName("tcp\0udp")).ParamName);
    }

    [Fact]
    public void Lookups_from_many_threads_at_once_all_get_their_own_answer()
    {
        var cases = new[] { ("tcp", Protocol.IPPROTO_TCP), ("udp", Protocol.IPPROTO_UDP), ("icmp", Protocol.IPPROTO_ICMP) };

        Parallel.For(0, 3000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (name, protocol) = cases[i % cases.Length];
            Assert.Equal(NativeSocket.ToInt(protocol), NativeSocket.GetProtoByName(name));
        });
    }
}
