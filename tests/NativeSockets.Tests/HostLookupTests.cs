using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class HostLookupTests
{
    [Fact]
    public void GetHostByName_of_localhost_gives_its_IPv4_addresses_as_text()
    {
        var host = NativeSocket.GetHostByName("localhost");

        Assert.Equal(Domain.AF_INET, host.AddrType);
        Assert.Equal(4, host.Length);
        Assert.Contains("127.0.0.1", host.AddrList);
        Assert.All(host.AddrList, address => Assert.Equal(AddressFamily.InterNetwork, IPAddress.Parse(address).AddressFamily));
        Assert.Equal("localhost", host.Name);
    }

    [Fact]
    public void GetHostByName_of_a_dotted_quad_gives_itself()
    {
        var host = NativeSocket.GetHostByName("127.0.0.1");

        Assert.Equal("127.0.0.1", host.Name);
        Assert.Equal("127.0.0.1", Assert.Single(host.AddrList));
        Assert.Equal(Domain.AF_INET, host.AddrType);
    }

    [Fact]
    public void GetHostByName_accepts_IPv6_unlike_Nim()
    {
        var host = NativeSocket.GetHostByName("::1");

        Assert.Equal("::1", host.Name);
        Assert.Equal(Domain.AF_INET6, host.AddrType);
        Assert.Equal(16, host.Length);
        Assert.Equal("::1", Assert.Single(host.AddrList));
    }

    [Fact]
    public void An_unknown_host_throws_the_resolver_error_naming_the_host()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetHostByName(Unresolvable.Name));

        Assert.Equal(OSErrorSpace.Resolver, error.Space);
        Assert.Equal(Native.HOST_NOT_FOUND, error.ErrorCode);
        Assert.Equal(NativeErrorText.Describe(error.ErrorCode, OSErrorSpace.Resolver) + $"\nAdditional info: getHostByName(\"{Unresolvable.Name}\")", error.Message);
    }

    [Fact]
    public void GetHostByAddr_of_127_0_0_1_agrees_with_getnameinfo()
    {
        var expected = Dns.GetHostEntry(IPAddress.Loopback).HostName;

        var host = NativeSocket.GetHostByAddr("127.0.0.1");

        Assert.Equal(expected, host.Name);
        Assert.Equal(Domain.AF_INET, host.AddrType);
        Assert.Equal(4, host.Length);
        Assert.Contains("127.0.0.1", host.AddrList);
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("localhost")]
    [InlineData("127.1")]
    [InlineData("")]
    [InlineData("::1::2")]
    public void GetHostByAddr_rejects_text_that_is_not_a_numeric_address(string ip)
    {
        var error = Assert.Throws<ArgumentException>(() => NativeSocket.GetHostByAddr(ip));

        Assert.Equal("ip", error.ParamName);
        Assert.Contains($"\"{ip}\" is not an IPv4 or IPv6 address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_and_NUL_arguments_are_rejected_by_name()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => NativeSocket.GetHostByName(null!)).ParamName);
        Assert.Equal("ip", Assert.Throws<ArgumentNullException>(() => NativeSocket.GetHostByAddr(null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => NativeSocket.GetHostByName("localhost\0evil")).ParamName);
        Assert.Equal("ip", Assert.Throws<ArgumentException>(() => NativeSocket.GetHostByAddr("127.0.0.1\0")).ParamName);
    }

    [Fact]
    public void Hostent_is_immutable()
    {
        var addresses = new List<string> { "127.0.0.1" };
        var host = new Hostent("localhost", [], Domain.AF_INET, 4, addresses);
        addresses.Add("127.0.0.2");

        Assert.Equal("127.0.0.1", Assert.Single(host.AddrList));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)host.AddrList).Add("x"));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)host.Aliases).Add("x"));
    }

    [Fact]
    public void GetHostname_agrees_with_System_Net()
    {
        Assert.Equal(Dns.GetHostName(), NativeSocket.GetHostname());
    }

    [Fact]
    public void Lookups_from_many_threads_at_once_all_get_their_own_answer()
    {
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            switch (i % 3)
            {
                case 0:
                    Assert.Contains("127.0.0.1", NativeSocket.GetHostByName("localhost").AddrList);
                    break;
                case 1:
                    Assert.Equal("::1", Assert.Single(NativeSocket.GetHostByName("::1").AddrList));
                    break;
                default:
                    Assert.Contains("127.0.0.1", NativeSocket.GetHostByAddr("127.0.0.1").AddrList);
                    break;
            }
        });
    }
}
