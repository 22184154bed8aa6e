using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class ConversionTests
{
    public static TheoryData<Domain> Domains => new(Enum.GetValues<Domain>());

    public static TheoryData<SockType> SockTypes => new(Enum.GetValues<SockType>());

    public static TheoryData<Protocol> Protocols => new(Enum.GetValues<Protocol>().Distinct());

    [Fact]
    public void The_enums_have_exactly_the_members_mapped_here()
    {
        // If a member is added, the tables below (and ToInt) must learn it.
        Assert.Equal(4, Enum.GetValues<Domain>().Length);
        Assert.Equal(4, Enum.GetValues<SockType>().Length);
        Assert.Equal(7, Enum.GetValues<Protocol>().Distinct().Count());
        Assert.Equal(Protocol.IPPROTO_IP, Protocol.IPPROTO_NONE);
    }

    [Fact]
    public void ToInt_of_every_Domain_is_the_native_constant()
    {
        Assert.Equal(Native.AF_UNSPEC, NativeSocket.ToInt(Domain.AF_UNSPEC));
        Assert.Equal(Native.AF_UNIX, NativeSocket.ToInt(Domain.AF_UNIX));
        Assert.Equal(Native.AF_INET, NativeSocket.ToInt(Domain.AF_INET));
        Assert.Equal(Native.AF_INET6, NativeSocket.ToInt(Domain.AF_INET6));
    }

    [Theory]
    [MemberData(nameof(Domains))]
    public void ToInt_of_every_Domain_is_the_family_System_Net_writes(Domain domain)
    {
        var serialized = new SocketAddress(ToAddressFamily(domain));
        SockAddr head = default;
        serialized.Buffer.Span[..sizeof(SockAddr)].CopyTo(new Span<byte>(&head, sizeof(SockAddr)));

        Assert.Equal(head.sa_family, NativeSocket.ToInt(domain));
    }

    [Theory]
    [InlineData(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE, AddressFamily.Unix)]
    [InlineData(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, AddressFamily.InterNetwork)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, AddressFamily.InterNetworkV6)]
    public void ToInt_of_a_Domain_makes_sockets_System_Net_sees_in_that_family(Domain domain, SockType sockType, Protocol protocol, AddressFamily expected)
    {
        RunningPlatform.SkipWhereUnsupported(domain, sockType);
        using var socket = new OwnedSocket(NativeSocket.CreateNativeSocket(NativeSocket.ToInt(domain), NativeSocket.ToInt(sockType), NativeSocket.ToInt(protocol)));
        Assert.False(socket.Handle.IsInvalid, $"errno {Marshal.GetLastPInvokeError()}");
        using var view = socket.View();

        Assert.Equal(expected, view.AddressFamily);
    }

    [Fact]
    public void AF_UNSPEC_names_no_socket_family()
    {
        var handle = NativeSocket.CreateNativeSocket(NativeSocket.ToInt(Domain.AF_UNSPEC), NativeSocket.ToInt(SockType.SOCK_STREAM), 0);
        var errno = Marshal.GetLastPInvokeError();
        using var socket = new OwnedSocket(handle);

        Assert.Equal(NativeSocket.OsInvalidSocket, handle);
        Assert.Equal(PlatformErrors.NoFamily, errno);
    }

    [Theory]
    [MemberData(nameof(Domains))]
    public void ToKnownDomain_round_trips_every_Domain(Domain domain)
    {
        Assert.Equal(domain, NativeSocket.ToKnownDomain(NativeSocket.ToInt(domain)));
    }

    [Fact]
    public void ToKnownDomain_is_null_for_every_other_family()
    {
        var known = Enum.GetValues<Domain>().Select(NativeSocket.ToInt).ToHashSet();
        var candidates = Enumerable.Range(-2, 300).Concat([int.MinValue, int.MaxValue, ushort.MaxValue, ushort.MaxValue + 1]);

        foreach (var family in candidates.Where(family => !known.Contains(family)))
        {
            Assert.Null(NativeSocket.ToKnownDomain(family));
        }

        Assert.Equal(4, known.Count);
    }

    [Fact]
    public void ToInt_of_every_SockType_is_the_native_constant()
    {
        Assert.Equal(Native.SOCK_STREAM, NativeSocket.ToInt(SockType.SOCK_STREAM));
        Assert.Equal(Native.SOCK_DGRAM, NativeSocket.ToInt(SockType.SOCK_DGRAM));
        Assert.Equal(Native.SOCK_RAW, NativeSocket.ToInt(SockType.SOCK_RAW));
        Assert.Equal(Native.SOCK_SEQPACKET, NativeSocket.ToInt(SockType.SOCK_SEQPACKET));
    }

    [Theory]
    [InlineData(Domain.AF_INET, SockType.SOCK_STREAM, SocketType.Stream)]
    [InlineData(Domain.AF_INET, SockType.SOCK_DGRAM, SocketType.Dgram)]
    [InlineData(Domain.AF_UNIX, SockType.SOCK_SEQPACKET, SocketType.Seqpacket)]
    public void ToInt_of_a_SockType_makes_sockets_System_Net_sees_of_that_type(Domain domain, SockType sockType, SocketType expected)
    {
        RunningPlatform.SkipWhereUnsupported(domain, sockType);
        using var socket = new OwnedSocket(NativeSocket.CreateNativeSocket(NativeSocket.ToInt(domain), NativeSocket.ToInt(sockType), 0));
        Assert.False(socket.Handle.IsInvalid, $"errno {Marshal.GetLastPInvokeError()}");
        using var view = socket.View();

        Assert.Equal(expected, view.SocketType);
    }

    [Fact]
    public void ToInt_of_SOCK_RAW_makes_raw_sockets_when_the_process_may()
    {
        var handle = NativeSocket.CreateNativeSocket(
            NativeSocket.ToInt(Domain.AF_INET), NativeSocket.ToInt(SockType.SOCK_RAW), NativeSocket.ToInt(Protocol.IPPROTO_ICMP));
        var errno = Marshal.GetLastPInvokeError();
        using var socket = new OwnedSocket(handle);

        if (handle.IsInvalid)
        {
            // Raw sockets need privileges. Refused for permission, not for the type: System.Net is refused too.
            // Winsock has no EPERM: a process that may not make raw sockets gets WSAEACCES.
            Assert.True((!OperatingSystem.IsWindows() && errno == NativeSocket.EPERM) || errno == NativeSocket.EACCES, $"errno {errno}");
            var refused = Assert.Throws<SocketException>(() => new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp));
            Assert.Equal(SocketError.AccessDenied, refused.SocketErrorCode);
            return;
        }

        using var view = socket.View();
        Assert.Equal(SocketType.Raw, view.SocketType);
        Assert.Equal(ProtocolType.Icmp, view.ProtocolType);
    }

    [Fact]
    public void ToInt_of_every_Protocol_is_the_native_constant()
    {
        Assert.Equal(Native.IPPROTO_IP, NativeSocket.ToInt(Protocol.IPPROTO_IP));
        Assert.Equal(Native.IPPROTO_IP, NativeSocket.ToInt(Protocol.IPPROTO_NONE));
        Assert.Equal(Native.IPPROTO_TCP, NativeSocket.ToInt(Protocol.IPPROTO_TCP));
        Assert.Equal(Native.IPPROTO_UDP, NativeSocket.ToInt(Protocol.IPPROTO_UDP));
        Assert.Equal(Native.IPPROTO_IPV6, NativeSocket.ToInt(Protocol.IPPROTO_IPV6));
        Assert.Equal(Native.IPPROTO_RAW, NativeSocket.ToInt(Protocol.IPPROTO_RAW));
        Assert.Equal(Native.IPPROTO_ICMP, NativeSocket.ToInt(Protocol.IPPROTO_ICMP));
        Assert.Equal(Native.IPPROTO_ICMPV6, NativeSocket.ToInt(Protocol.IPPROTO_ICMPV6));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void ToInt_of_every_Protocol_is_its_IANA_number_as_System_Net_numbers_it(Protocol protocol)
    {
        // ProtocolType's values are the IANA protocol numbers, which every platform uses for IPPROTO_*.
        Assert.Equal((int)ToProtocolType(protocol), NativeSocket.ToInt(protocol));
    }

    [Theory]
    [InlineData(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, ProtocolType.Tcp)]
    [InlineData(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP, ProtocolType.Udp)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, ProtocolType.Tcp)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP, ProtocolType.Udp)]
    [InlineData(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_IP, ProtocolType.Tcp)]
    public void ToInt_of_a_Protocol_makes_sockets_System_Net_sees_with_that_protocol(Domain domain, SockType sockType, Protocol protocol, ProtocolType expected)
    {
        using var socket = new OwnedSocket(NativeSocket.CreateNativeSocket(NativeSocket.ToInt(domain), NativeSocket.ToInt(sockType), NativeSocket.ToInt(protocol)));
        Assert.False(socket.Handle.IsInvalid, $"errno {Marshal.GetLastPInvokeError()}");
        using var view = socket.View();

        Assert.Equal(expected, view.ProtocolType);
    }

    [Theory]
    [InlineData(Domain.AF_INET, Protocol.IPPROTO_ICMP, ProtocolType.Icmp)]
    [InlineData(Domain.AF_INET6, Protocol.IPPROTO_ICMPV6, ProtocolType.IcmpV6)]
    [InlineData(Domain.AF_INET, Protocol.IPPROTO_RAW, ProtocolType.Raw)]
    public void ToInt_of_a_raw_Protocol_makes_raw_sockets_with_that_protocol_when_the_process_may(Domain domain, Protocol protocol, ProtocolType expected)
    {
        var handle = NativeSocket.CreateNativeSocket(NativeSocket.ToInt(domain), NativeSocket.ToInt(SockType.SOCK_RAW), NativeSocket.ToInt(protocol));
        var errno = Marshal.GetLastPInvokeError();
        using var socket = new OwnedSocket(handle);
        Assert.SkipWhen(
            RunningPlatform.IsWine && handle.IsInvalid && errno == NativeSocket.EPROTONOSUPPORT,
            $"Wine 8.0 makes no raw {protocol} socket (WSAEPROTONOSUPPORT); Windows makes one or answers WSAEACCES");

        if (handle.IsInvalid)
        {
            // Winsock has no EPERM: a process that may not make raw sockets gets WSAEACCES.
            Assert.True((!OperatingSystem.IsWindows() && errno == NativeSocket.EPERM) || errno == NativeSocket.EACCES, $"errno {errno}");
            var refused = Assert.Throws<SocketException>(() => new Socket(ToAddressFamily(domain), SocketType.Raw, expected));
            Assert.Equal(SocketError.AccessDenied, refused.SocketErrorCode);
            return;
        }

        using var view = socket.View();
        Assert.Equal(expected, view.ProtocolType);
    }

    [Fact]
    public void ToInt_of_IPPROTO_IP_is_the_option_level_of_IPv4()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        using var view = socket.View();
        var ttl = 77;

        Assert.Equal(0, Native.setsockopt((int)socket.Handle.Value, NativeSocket.ToInt(Protocol.IPPROTO_IP), Native.IP_TTL, &ttl, sizeof(int)));
        Assert.Equal(77, view.Ttl);
    }

    [Fact]
    public void ToInt_of_IPPROTO_IPV6_is_the_option_level_of_IPv6()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET6, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP);
        using var view = socket.View();

        foreach (var v6Only in new[] { 1, 0, 1 })
        {
            var value = v6Only;
            Assert.Equal(0, Native.setsockopt((int)socket.Handle.Value, NativeSocket.ToInt(Protocol.IPPROTO_IPV6), Native.IPV6_V6ONLY, &value, sizeof(int)));
            Assert.Equal(v6Only == 0, view.DualMode);
        }
    }

    [Fact]
    public void ToInt_of_IPPROTO_TCP_is_the_option_level_of_TCP()
    {
        using var socket = OwnedSocket.Create();
        using var view = socket.View();

        foreach (var noDelay in new[] { 1, 0 })
        {
            var value = noDelay;
            Assert.Equal(0, Native.setsockopt((int)socket.Handle.Value, NativeSocket.ToInt(Protocol.IPPROTO_TCP), Native.TCP_NODELAY, &value, sizeof(int)));
            Assert.Equal(noDelay != 0, view.NoDelay);
        }
    }

    [Fact]
    public void ToInt_throws_for_values_outside_the_enums_naming_the_argument()
    {
        var domain = Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.ToInt((Domain)99));
        var sockType = Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.ToInt((SockType)0));
        var protocol = Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.ToInt((Protocol)(-1)));

        Assert.Equal("domain", domain.ParamName);
        Assert.Equal((Domain)99, domain.ActualValue);
        Assert.Equal("sockType", sockType.ParamName);
        Assert.Equal((SockType)0, sockType.ActualValue);
        Assert.Equal("protocol", protocol.ParamName);
        Assert.Equal((Protocol)(-1), protocol.ActualValue);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void ToSockType_gives_streams_for_TCP_datagrams_for_UDP_and_raw_otherwise(Protocol protocol)
    {
        var expected = protocol switch
        {
            Protocol.IPPROTO_TCP => SockType.SOCK_STREAM,
            Protocol.IPPROTO_UDP => SockType.SOCK_DGRAM,
            _ => SockType.SOCK_RAW,
        };

        Assert.Equal(expected, NativeSocket.ToSockType(protocol));
    }

    [Theory]
    [InlineData(Protocol.IPPROTO_TCP)]
    [InlineData(Protocol.IPPROTO_UDP)]
    public void ToSockType_is_the_type_the_kernel_pairs_with_the_protocol(Protocol protocol)
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET, NativeSocket.ToSockType(protocol), protocol);
        using var view = socket.View();

        Assert.Equal(ToProtocolType(protocol), view.ProtocolType);
        Assert.Equal(protocol == Protocol.IPPROTO_TCP ? SocketType.Stream : SocketType.Dgram, view.SocketType);
    }

    private static AddressFamily ToAddressFamily(Domain domain) => domain switch
    {
        Domain.AF_UNSPEC => AddressFamily.Unspecified,
        Domain.AF_UNIX => AddressFamily.Unix,
        Domain.AF_INET => AddressFamily.InterNetwork,
        Domain.AF_INET6 => AddressFamily.InterNetworkV6,
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    private static ProtocolType ToProtocolType(Protocol protocol) => protocol switch
    {
        Protocol.IPPROTO_IP => ProtocolType.IP,
        Protocol.IPPROTO_TCP => ProtocolType.Tcp,
        Protocol.IPPROTO_UDP => ProtocolType.Udp,
        Protocol.IPPROTO_IPV6 => ProtocolType.IPv6,
        Protocol.IPPROTO_RAW => ProtocolType.Raw,
        Protocol.IPPROTO_ICMP => ProtocolType.Icmp,
        Protocol.IPPROTO_ICMPV6 => ProtocolType.IcmpV6,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };
}
