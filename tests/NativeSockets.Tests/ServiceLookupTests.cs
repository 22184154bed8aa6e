using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class ServiceLookupTests
{
    [Theory]
    [InlineData("http", "tcp")]
    [InlineData("https", "tcp")]
    [InlineData("ssh", "tcp")]
    [InlineData("domain", "udp")]
    public void GetServByName_returns_the_entry_of_the_services_file_with_the_port_in_host_order(string name, string proto)
    {
        var expected = ServicesFile.AsLookedUp(ServicesFile.Find(name, proto), name);

        var servent = NativeSocket.GetServByName(name, proto);

        Assert.Equal(expected.Name, servent.Name);
        Assert.Equal(expected.Port, servent.Port.Value);
        Assert.Equal(proto, servent.Proto);
        Assert.Equal(expected.Aliases, servent.Aliases);
    }

    [NotWineFact("Wine 8.0's getservbyname matches service names only, not their aliases")]
    public void GetServByName_finds_a_service_by_its_alias()
    {
        var withAlias = ServicesFile.Entries.First(entry => entry.Aliases.Count > 0 && entry.Proto == "tcp");

        var servent = NativeSocket.GetServByName(withAlias.Aliases[0], "tcp");

        Assert.Equal(ServicesFile.AsLookedUp(withAlias, withAlias.Aliases[0]).Name, servent.Name);
        Assert.Equal(withAlias.Port, servent.Port.Value);
    }

    [Theory]
    [InlineData("http", "tcp")]
    [InlineData("https", "tcp")]
    [InlineData("ssh", "tcp")]
    public void GetServByPort_takes_the_port_in_host_order(string name, string proto)
    {
        var expected = ServicesFile.Find(name, proto);

        var servent = NativeSocket.GetServByPort(new Port(checked((ushort)expected.Port)), proto);

        Assert.Equal(ServicesFile.Find(expected.Port, proto).Name, servent.Name);
        Assert.Equal(expected.Port, servent.Port.Value);
        Assert.Equal(proto, servent.Proto);
    }

    [Fact]
    public void GetServByPort_works_for_ports_whose_network_order_value_is_32768_or_more()
    {
        // 443 is 0xBB01 in network order: Nim 1.6 raised a RangeDefect for it.
        var https = ServicesFile.Find("https", "tcp");
        Assert.True(NativeSocket.Htons((ushort)https.Port) >= 32768);

        Assert.Equal("https", NativeSocket.GetServByPort(new Port((ushort)https.Port), "tcp").Name);
    }

    [Fact]
    public void GetServByPort_works_for_ports_of_32768_and_more()
    {
        var high = ServicesFile.Entries.FirstOrDefault(entry => entry.Port >= 32768);
        Assert.NotNull(high);

        var servent = NativeSocket.GetServByPort(new Port((ushort)high.Port), high.Proto);

        Assert.Equal(ServicesFile.Find(high.Port, high.Proto).Name, servent.Name);
        Assert.Equal(high.Port, servent.Port.Value);
    }

    [Fact]
    public void An_unknown_service_name_throws_OSErrorException_naming_it()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetServByName("no-such-service", "tcp"));

        Assert.Equal(0, error.ErrorCode);
        Assert.Equal(OSErrorSpace.None, error.Space);
        Assert.Equal("Additional info: Service not found: no-such-service/tcp.", error.Message);
    }

    [Fact]
    public void An_unused_port_throws_OSErrorException_naming_it()
    {
        var used = ServicesFile.Entries.Where(entry => entry.Proto == "tcp").Select(entry => entry.Port).ToHashSet();
        var unused = Enumerable.Range(1, ushort.MaxValue).First(port => !used.Contains(port));

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetServByPort(new Port((ushort)unused), "tcp"));

        Assert.Equal(0, error.ErrorCode);
        Assert.Contains($"Service not found: {unused}/tcp.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_protocol_matches_nothing_as_in_Nim()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetServByName("http", string.Empty));

        Assert.Contains("Service not found: http/.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_and_NUL_arguments_are_rejected_by_name()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => NativeSocket.GetServByName(null!, "tcp")).ParamName);
        Assert.Equal("proto", Assert.Throws<ArgumentNullException>(() => NativeSocket.GetServByName("http", null!)).ParamName);
        Assert.Equal("proto", Assert.Throws<ArgumentNullException>(() => NativeSocket.GetServByPort(new Port(80), null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => NativeSocket.GetServByName("http\0x", "tcp")).ParamName);
        Assert.Equal("proto", Assert.Throws<ArgumentException>(() => NativeSocket.GetServByPort(new Port(80), "tcp\0")).ParamName);
    }

    [Fact]
    public void Servent_is_immutable()
    {
        var aliases = new List<string> { "www" };
        var servent = new Servent("http", aliases, new Port(80), "tcp");
        aliases.Add("later");

        Assert.Equal("www", Assert.Single(servent.Aliases));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)servent.Aliases).Add("x"));
        Assert.Equal("http 80/tcp www", servent.ToString());
    }

    [Fact]
    public void Lookups_from_many_threads_at_once_all_get_their_own_answer()
    {
        var names = new[] { "http", "https", "ssh", "domain" };
        var expected = names.ToDictionary(name => name, name => ServicesFile.Find(name, "tcp").Port);

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var name = names[i % names.Length];
            var byName = NativeSocket.GetServByName(name, "tcp");
            Assert.Equal(name, byName.Name);
            Assert.Equal(expected[name], byName.Port.Value);
            Assert.Equal(name, NativeSocket.GetServByPort(byName.Port, "tcp").Name);
        });
    }

    [Fact]
    public unsafe void An_entry_that_does_not_fit_the_stack_buffer_is_looked_up_again_on_the_heap()
    {
        var expected = ServicesFile.Find("http", "tcp");
        fixed (byte* name = "http\0"u8, proto = "tcp\0"u8)
        {
            var found = NativeSocket.FindService(name, 0, proto, &NativeSocket.PortOf, out var port, out var result, stackBytes: 4);

            Assert.True(found, $"result {result}");
            Assert.Equal(expected.Port, port.Value);
        }
    }

    [Fact]
    public void TryGetServByName_over_UTF8_gives_the_port_of_the_services_file()
    {
        var expected = ServicesFile.Find("https", "tcp");

        Assert.True(NativeSocket.TryGetServByName("https"u8, "tcp"u8, out var port));
        Assert.Equal(expected.Port, port.Value);
        Assert.Equal(NativeSocket.GetServByName("https", "tcp").Port, port);
    }

    [Fact]
    public void TryGetServByName_over_UTF8_gives_false_for_an_unknown_service()
    {
        Assert.False(NativeSocket.TryGetServByName("no-such-service-here"u8, "tcp"u8, out var port));
        Assert.Equal(default, port);
        Assert.False(NativeSocket.TryGetServByName("http"u8, ""u8, out _));
    }

    [Fact]
    public void TryGetServByName_over_UTF8_rejects_a_NUL_byte_and_overlong_text_by_name()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => NativeSocket.TryGetServByName("ht\0tp"u8, "tcp"u8, out _)).ParamName);
        Assert.Equal("proto", Assert.Throws<ArgumentException>(() => NativeSocket.TryGetServByName("http"u8, "tcp\0"u8, out _)).ParamName);
        var overlong = new byte[NativeSocket.MaxUtf8HostLength + 1];
        overlong.AsSpan().Fill((byte)'a');
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => NativeSocket.TryGetServByName(overlong, "tcp"u8, out _)).ParamName);
    }
}
