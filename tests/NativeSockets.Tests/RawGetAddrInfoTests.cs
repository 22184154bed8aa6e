using System;
using System.Net;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>The raw GetAddrInfo(byte*, byte*, AddrInfo*, out AddrInfo*) of NativeSocket.AddrInfo.cs.</summary>
public unsafe class RawGetAddrInfoTests
{
    [Fact]
    public void Prepared_hints_resolve_as_the_Nim_shaped_overload_does_and_allocate_nothing()
    {
        var hints = TcpV4;
        fixed (byte* node = "127.0.0.1\0"u8, service = "8080\0"u8)
        {
            NativeSocket.FreeAddrInfo(Resolve(node, service, &hints));

            var before = GC.GetAllocatedBytesForCurrentThread();
            var code = NativeSocket.GetAddrInfo(node, service, &hints, out var list);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            var expected = NativeSocket.GetAddrInfo("127.0.0.1", new Port(8080));
            try
            {
                Assert.Equal(0, code);
                Assert.Equal(0, allocated);
                Assert.True(list->ai_next is null, "a numeric address with every hint given has one result");
                Assert.Equal(expected->ai_family, list->ai_family);
                Assert.Equal(expected->ai_socktype, list->ai_socktype);
                Assert.Equal(expected->ai_protocol, list->ai_protocol);
                Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8080), NativeSocket.ToIPEndPoint(list->ai_addr, list->ai_addrlen));
            }
            finally
            {
                NativeSocket.FreeAddrInfo(list);
                NativeSocket.FreeAddrInfo(expected);
            }
        }
    }

    [Fact]
    public void Hints_are_passed_as_given_without_Nims_v4_mapping()
    {
        // The Nim-shaped overload adds AI_V4MAPPED for AF_INET6; the raw call passes the hints untouched,
        // so an IPv4 literal asked for as IPv6 is not found.
        var hints = Hints(Domain.AF_INET6, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP);
        hints.ai_flags = NativeSocket.AI_NUMERICHOST;
        fixed (byte* node = "127.0.0.1\0"u8)
        {
            Assert.NotEqual(0, Fails(node, null, hints));
        }
    }

    [Fact]
    public void Without_hints_every_family_and_type_may_answer()
    {
        fixed (byte* node = "127.0.0.1\0"u8, service = "80\0"u8)
        {
            var list = Resolve(node, service, null);
            try
            {
                var count = 0;
                for (var entry = list; entry is not null; entry = entry->ai_next)
                {
                    count++;
                    Assert.Equal(new IPEndPoint(IPAddress.Loopback, 80), NativeSocket.ToIPEndPoint(entry->ai_addr, entry->ai_addrlen));
                }

                // POSIX answers once per socket type (stream, datagram, raw); Windows once with type 0.
                Assert.InRange(count, 1, 3);
            }
            finally
            {
                NativeSocket.FreeAddrInfo(list);
            }
        }
    }

    [Fact]
    public void A_failed_lookup_returns_its_EAI_code_and_a_null_list_without_throwing()
    {
        var numericOnly = TcpV4;
        numericOnly.ai_flags = NativeSocket.AI_NUMERICHOST;
        fixed (byte* name = UnknownName, localhost = "localhost\0"u8)
        {
            Assert.Equal(NativeSocket.EAI_NONAME, Fails(name, null, TcpV4));
            Assert.Equal(NativeSocket.EAI_NONAME, Fails(localhost, null, numericOnly));
            Assert.Equal(NativeSocket.EAI_NONAME, Fails(null, null, TcpV4));
        }
    }

    [Fact]
    public void An_unknown_service_is_EAI_SERVICE_and_an_unknown_family_EAI_FAMILY()
    {
        var badFamily = TcpV4;
        badFamily.ai_family = 12345;
        fixed (byte* node = "127.0.0.1\0"u8, service = "no-such-service\0"u8)
        {
            Assert.Equal(NativeSocket.EAI_SERVICE, Fails(node, service, TcpV4));
            Assert.Equal(NativeSocket.EAI_FAMILY, Fails(node, null, badFamily));
        }
    }

    [Fact]
    public void The_code_s_text_is_the_one_the_throwing_overload_reports()
    {
        int code;
        fixed (byte* name = UnknownName, service = "80\0"u8)
        {
            code = Fails(name, service, TcpV4);
        }

        var thrown = Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo(Unresolvable.Name, new Port(80)));
        var built = new OSErrorException(code, OSErrorSpace.AddrInfo);

        Assert.Equal(thrown.ErrorCode, built.ErrorCode);
        Assert.StartsWith(built.Message, thrown.Message, StringComparison.Ordinal);
    }

    private static readonly byte[] UnknownName = System.Text.Encoding.ASCII.GetBytes(Unresolvable.Name + "\0");

    private static AddrInfo TcpV4 => Hints(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP);

    /// <summary>The code of a lookup that must fail, after checking that it left no list.</summary>
    private static int Fails(byte* node, byte* service, AddrInfo hints)
    {
        var code = NativeSocket.GetAddrInfo(node, service, &hints, out var list);
        Assert.True(list is null, "a failed lookup returned a list");
        return code;
    }

    private static AddrInfo Hints(Domain domain, SockType sockType, Protocol protocol) => new()
    {
        ai_family = NativeSocket.ToInt(domain),
        ai_socktype = NativeSocket.ToInt(sockType),
        ai_protocol = NativeSocket.ToInt(protocol),
    };

    private static AddrInfo* Resolve(byte* node, byte* service, AddrInfo* hints)
    {
        var code = NativeSocket.GetAddrInfo(node, service, hints, out var list);
        Assert.True(code == 0, $"getaddrinfo failed: {new OSErrorException(code, OSErrorSpace.AddrInfo).Message}");
        return list;
    }
}
