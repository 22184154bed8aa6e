using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class GetAddrInfoTests
{
    [Fact]
    public void The_defaults_ask_for_IPv4_TCP_streams()
    {
        var list = NativeSocket.GetAddrInfo("127.0.0.1", new Port(8080));
        try
        {
            Assert.True(list is not null);
            Assert.True(list->ai_next is null, "a numeric address with every hint given has one result");
            Assert.Equal(NativeSocket.ToInt(Domain.AF_INET), list->ai_family);
            Assert.Equal(NativeSocket.ToInt(SockType.SOCK_STREAM), list->ai_socktype);
            Assert.Equal(NativeSocket.ToInt(Protocol.IPPROTO_TCP), list->ai_protocol);
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8080), NativeSocket.ToIPEndPoint(list->ai_addr, list->ai_addrlen));
            Assert.Equal("127.0.0.1", NativeSocket.GetAddrString(list->ai_addr));
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
        }
    }

    [Fact]
    public void AF_INET6_asks_for_v4_mapped_addresses()
    {
        var list = NativeSocket.GetAddrInfo("127.0.0.1", new Port(80), Domain.AF_INET6);
        try
        {
            Assert.Equal(NativeSocket.ToInt(Domain.AF_INET6), list->ai_family);
            Assert.Equal(IPAddress.Loopback.MapToIPv6(), NativeSocket.ToIPEndPoint(list->ai_addr, list->ai_addrlen).Address);
            Assert.Equal("127.0.0.1", NativeSocket.GetAddrString(list->ai_addr));
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
        }
    }

    [NotWineFact("Wine 8.0 passes glibc's EAI_ADDRFAMILY through untranslated (-9), a code Windows never gives")]
    public void AF_INET_does_not_map_an_IPv6_address_and_fails_with_the_EAI_code()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo("::1", new Port(80)));

        Assert.Equal(OSErrorSpace.AddrInfo, error.Space);
        Assert.Equal(PlatformErrors.AddressOfOtherFamily, error.ErrorCode);
        Assert.Equal(
            NativeErrorText.Describe(PlatformErrors.AddressOfOtherFamily, OSErrorSpace.AddrInfo) +
            "\nAdditional info: getAddrInfo(\"::1\", 80, AF_INET, SOCK_STREAM, IPPROTO_TCP)",
            error.Message);
    }

    [NotWineFact("Wine 8.0 passes glibc's EAI_ADDRFAMILY through untranslated (-9), a code Windows never gives")]
    public void A_stale_errno_never_becomes_the_error_as_it_did_in_Nim()
    {
        // Closing a closed handle leaves EBADF in the thread's errno, which Nim reported as getAddrInfo's error.
        NativeSocket.Close(Descriptors.ClosedHandle());
        Assert.Equal(PlatformErrors.NotOpen, Marshal.GetLastPInvokeError());

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo("::1", new Port(80)));

        Assert.Equal(PlatformErrors.AddressOfOtherFamily, error.ErrorCode);
        Assert.DoesNotContain(Marshal.GetPInvokeErrorMessage(PlatformErrors.NotOpen), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SOCK_RAW_ignores_the_port()
    {
        var list = NativeSocket.GetAddrInfo("127.0.0.1", new Port(8080), Domain.AF_INET, SockType.SOCK_RAW, Protocol.IPPROTO_ICMP);
        try
        {
            Assert.Equal(NativeSocket.ToInt(SockType.SOCK_RAW), list->ai_socktype);
            Assert.Equal(NativeSocket.ToInt(Protocol.IPPROTO_ICMP), list->ai_protocol);
            Assert.Equal(0, NativeSocket.ToIPEndPoint(list->ai_addr, list->ai_addrlen).Port);
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
        }
    }

    [Fact]
    public void An_empty_address_is_not_the_wildcard_as_in_Nim()
    {
        // Windows documents an empty name as the local computer's registered addresses, which are not the wildcard either.
        if (OperatingSystem.IsWindows())
        {
            var local = NativeSocket.EnumerateAddrInfo(string.Empty, new Port(80));
            Assert.NotEmpty(local);
            Assert.DoesNotContain(local, entry => entry.EndPoint.Address.Equals(IPAddress.Any));
            return;
        }

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo(string.Empty, new Port(80)));

        Assert.Equal(OSErrorSpace.AddrInfo, error.Space);
        Assert.Equal(Native.EAI_NONAME, error.ErrorCode);
    }

    [Fact]
    public void An_unknown_name_fails_with_an_EAI_code_and_names_the_lookup()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo(Unresolvable.Name, new Port(80)));

        Assert.Equal(OSErrorSpace.AddrInfo, error.Space);
        Assert.Equal(Native.EAI_NONAME, error.ErrorCode);
        Assert.Contains(Unresolvable.Name, error.Message, StringComparison.Ordinal);
    }

    [NotWineFact("Wine 8.0's getaddrinfo does not check the protocol against the socket type")]
    public void A_socket_type_the_protocol_cannot_carry_fails_with_EAI_SOCKTYPE()
    {
        var error = Assert.Throws<OSErrorException>(
            () => NativeSocket.GetAddrInfo("127.0.0.1", new Port(80), Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_TCP));

        Assert.Equal(OSErrorSpace.AddrInfo, error.Space);
        Assert.Equal(PlatformErrors.ProtocolOfOtherSockType, error.ErrorCode);
    }

    [Theory]
    [InlineData("127.1")]
    [InlineData("2130706433")]
    public void The_platform_s_numeric_forms_are_accepted(string address)
    {
        var entries = NativeSocket.EnumerateAddrInfo(address, new Port(80));

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 80), Assert.Single(entries).EndPoint);
    }

    [NotWineFact("Wine 8.0's adapter list gives the loopback IPv6 interface index 0, its getaddrinfo gives that scope 1")]
    public void A_scope_suffix_naming_the_loopback_interface_becomes_its_index()
    {
        var loopback = NetworkInterface.GetAllNetworkInterfaces().First(candidate => candidate.NetworkInterfaceType == NetworkInterfaceType.Loopback);
        var index = loopback.GetIPProperties().GetIPv6Properties().Index;

        var entry = Assert.Single(NativeSocket.EnumerateAddrInfo($"fe80::1%{loopback.Name}", new Port(80), Domain.AF_INET6));

        Assert.Equal(index, entry.EndPoint.Address.ScopeId);
        Assert.Equal(IPAddress.Parse("fe80::1"), new IPAddress(entry.EndPoint.Address.GetAddressBytes()));
    }

    [Fact]
    public void Localhost_gives_the_IPv4_addresses_System_Net_resolves()
    {
        var expected = Dns.GetHostAddresses("localhost").Where(address => address.AddressFamily == AddressFamily.InterNetwork).ToHashSet();

        var entries = NativeSocket.EnumerateAddrInfo("localhost", new Port(443));

        Assert.Equal(expected, entries.Select(entry => entry.EndPoint.Address).ToHashSet());
        Assert.All(entries, entry => Assert.Equal(443, entry.EndPoint.Port));
    }

    [Fact]
    public void EnumerateAddrInfo_copies_every_entry_of_the_native_list_in_order()
    {
        var walked = new List<(IPEndPoint, int, int, int)>();
        var list = NativeSocket.GetAddrInfo("localhost", new Port(80), Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        try
        {
            for (var entry = list; entry is not null; entry = entry->ai_next)
            {
                walked.Add((NativeSocket.ToIPEndPoint(entry->ai_addr, entry->ai_addrlen), entry->ai_family, entry->ai_socktype, entry->ai_protocol));
            }
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
        }

        var entries = NativeSocket.EnumerateAddrInfo("localhost", new Port(80), Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);

        Assert.NotEmpty(entries);
        Assert.Equal(walked, entries.Select(entry => (entry.EndPoint, entry.Family, entry.SockType, entry.Protocol)));
        Assert.All(entries, entry => Assert.Equal(NativeSocket.ToInt(Protocol.IPPROTO_UDP), entry.Protocol));
    }

    [NotWineFact("Wine 8.0 passes glibc's EAI_ADDRFAMILY through untranslated (-9), a code Windows never gives")]
    public void EnumerateAddrInfo_reports_errors_as_GetAddrInfo_does()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.EnumerateAddrInfo("::1", new Port(80)));

        Assert.Equal(PlatformErrors.AddressOfOtherFamily, error.ErrorCode);
        Assert.Equal(OSErrorSpace.AddrInfo, error.Space);
    }

    [Fact]
    public void Bad_arguments_are_rejected_by_name()
    {
        Assert.Equal("address", Assert.Throws<ArgumentException>(() => NativeSocket.EnumerateAddrInfo("local\0host", new Port(80))).ParamName);
        Assert.Equal("domain", Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.EnumerateAddrInfo("localhost", new Port(80), (Domain)99)).ParamName);
    }

    [Fact]
    public void FreeAddrInfo_of_null_does_nothing()
    {
        NativeSocket.FreeAddrInfo(null);
    }

    [Fact]
    public void Hints_built_in_an_AddrInfo_are_the_hints_getaddrinfo_reads()
    {
        Assert.Equal(Native.addrinfo.Size, sizeof(AddrInfo));
        var numericOnly = new AddrInfo { ai_flags = Native.AI_NUMERICHOST, ai_family = Native.AF_INET, ai_socktype = Native.SOCK_DGRAM };
        var anyName = numericOnly with { ai_flags = 0 };
        var name = "localhost\0"u8;
        void* list = null;
        fixed (byte* node = name)
        {
            Assert.Equal(Native.EAI_NONAME, Native.getaddrinfo(node, null, &numericOnly, &list));
            Assert.Equal(0, Native.getaddrinfo(node, null, &anyName, &list));
        }

        try
        {
            var first = (AddrInfo*)list;
            Assert.Equal(Native.AF_INET, first->ai_family);
            Assert.Equal(Native.SOCK_DGRAM, first->ai_socktype);
            // Wine 8.0 leaves ai_protocol 0 where the hints name none; Windows and POSIX fill in the socket type's protocol.
            Assert.Equal(RunningPlatform.IsWine ? 0 : Native.IPPROTO_UDP, first->ai_protocol);
            Assert.Equal((uint)Native.sockaddr_in.Size, first->ai_addrlen.Value);
            Assert.Equal(Native.AF_INET, first->ai_addr->sa_family);
        }
        finally
        {
            NativeSocket.FreeAddrInfo((AddrInfo*)list);
        }
    }
}
