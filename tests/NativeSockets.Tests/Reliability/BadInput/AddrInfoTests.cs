using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>GetAddrInfo (both overloads), EnumerateAddrInfo and FreeAddrInfo (NativeSocket.AddrInfo.cs, AddrInfoEntries.cs).</summary>
[Collection(nameof(RunsAlone))]
public unsafe class AddrInfoTests
{
    /// <summary>
    /// Names no lookup finds. The empty name is not one on Windows, whose getaddrinfo gives the local
    /// host's addresses for it (documented), a lookup the tests do not make: it can reach the resolver.
    /// </summary>
    public static TheoryData<string> NamesNotFound =>
        OperatingSystem.IsWindows()
            ? new(HostNames.OverLong(300), HostNames.OverLong(100_000), Unresolvable.Name)
            : new("", HostNames.OverLong(300), HostNames.OverLong(100_000), Unresolvable.Name);

    [Fact]
    public void A_null_address_is_Cs_null_node_and_its_list_frees_like_any_other() => Run(() =>
    {
        // Not refused: getaddrinfo(NULL, "80", ...) is C's loopback (or, with AI_PASSIVE, wildcard) lookup.
        var list = NativeSocket.GetAddrInfo(null, new Port(80));
        Assert.True(list is not null);
        NativeSocket.FreeAddrInfo(list);
        Assert.NotEmpty(NativeSocket.EnumerateAddrInfo(null, new Port(80)));
    });

    [Theory]
    [InlineData("\0")]
    [InlineData("127.0.0.1\0evil")]
    public void An_address_with_a_NUL_throws_naming_it(string address) => Run(() =>
    {
        ThrowsFor<ArgumentException>("address", () => NativeSocket.GetAddrInfo(address, new Port(80)));
        ThrowsFor<ArgumentException>("address", () => NativeSocket.EnumerateAddrInfo(address, new Port(80)));
        var utf8 = System.Text.Encoding.UTF8.GetBytes(address);
        ThrowsFor<ArgumentException>("address", () => NativeSocket.GetAddrInfo(utf8.AsSpan(), new Port(80)));
    });

    [Fact]
    public void A_UTF8_address_longer_than_the_limit_throws_naming_it() => Run(() =>
    {
        var utf8 = new byte[NativeSocket.MaxUtf8HostLength + 1];
        utf8.AsSpan().Fill((byte)'a');
        var message = ThrowsFor<ArgumentException>("address", () => NativeSocket.GetAddrInfo(utf8.AsSpan(), new Port(80))).Message;
        Assert.Contains(NativeSocket.MaxUtf8HostLength.ToString(System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
    });

    [Theory]
    [MemberData(nameof(NamesNotFound))]
    public void A_name_that_cannot_exist_fails_with_EAI_NONAME_naming_the_lookup(string name) => Run(() =>
    {
        var exception = Assert.Throws<OSErrorException>(() => NativeSocket.EnumerateAddrInfo(name, new Port(80)));
        Assert.Equal(Native.EAI_NONAME, exception.ErrorCode);
        Assert.Equal(OSErrorSpace.AddrInfo, exception.Space);
        Assert.Contains("getAddrInfo(\"" + name[..Math.Min(name.Length, 50)], exception.Message, StringComparison.Ordinal);
        if (name.Length <= NativeSocket.MaxUtf8HostLength)
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes(name);
            Assert.Equal(Native.EAI_NONAME, Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo(utf8.AsSpan(), new Port(80))).ErrorCode);
        }
    });

    [Theory]
    [InlineData(-1, 0, 1, "domain")]
    [InlineData(2, 77, 1, "sockType")]
    [InlineData(2, 1, 1000, "protocol")]
    public void A_value_outside_its_enum_throws_naming_it(int domain, int sockType, int protocol, string argument) => Run(() =>
    {
        ThrowsFor<ArgumentOutOfRangeException>(argument, () => NativeSocket.GetAddrInfo("127.0.0.1", new Port(80), (Domain)domain, (SockType)sockType, (Protocol)protocol));
        ThrowsFor<ArgumentOutOfRangeException>(argument, () => NativeSocket.GetAddrInfo("127.0.0.1"u8, new Port(80), (Domain)domain, (SockType)sockType, (Protocol)protocol));
        ThrowsFor<ArgumentOutOfRangeException>(argument, () => NativeSocket.EnumerateAddrInfo("127.0.0.1", new Port(80), (Domain)domain, (SockType)sockType, (Protocol)protocol));
    });

    [Fact]
    public void A_family_getaddrinfo_does_not_resolve_fails_with_EAI_FAMILY() => Run(() =>
    {
        var exception = Assert.Throws<OSErrorException>(() => NativeSocket.EnumerateAddrInfo("127.0.0.1", new Port(80), Domain.AF_UNIX));
        Assert.Equal(Native.EAI_FAMILY, exception.ErrorCode);
        Assert.Contains("AF_UNIX", exception.Message, StringComparison.Ordinal);
    });

    [NotWineFact("Wine 8's getaddrinfo does not check ai_protocol against ai_socktype and resolves")]
    public void A_protocol_that_does_not_fit_the_type_fails_with_EAI_SERVICE_or_EAI_SOCKTYPE() => Run(() =>
    {
        var exception = Assert.Throws<OSErrorException>(() => NativeSocket.EnumerateAddrInfo("127.0.0.1", new Port(80), Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_UDP));
        Assert.Contains(exception.ErrorCode, new[] { Native.EAI_SERVICE, Native.EAI_SOCKTYPE, Native.EAI_BADFLAGS });
    });

    [Theory]
    [InlineData(0)]
    [InlineData(ushort.MaxValue)]
    public void The_ends_of_the_port_range_are_passed_through(int port) => Run(() =>
    {
        var entry = Assert.Single(NativeSocket.EnumerateAddrInfo("127.0.0.1", new Port((ushort)port)));
        Assert.Equal(port, entry.EndPoint.Port);
    });

    [Fact]
    public void FreeAddrInfo_of_null_does_nothing() => Run(() => NativeSocket.FreeAddrInfo(null));

    [PosixFact("fills the process's descriptor limit (RLIMIT_NOFILE)")]
    public void With_no_descriptor_left_EAI_SYSTEM_is_reported_as_the_system_error_behind_it()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "RLIMIT_NOFILE's number in DescriptorLimit is Linux's");
        var filler = new List<SocketHandle>();
        try
        {
            int rawCode;
            int systemError;
            OSErrorException error;
            using (DescriptorLimit.AtMost(ProcessResources.OpenDescriptors() + 8))
            {
                for (var socket = NativeSocket.CreateNativeSocket(); !socket.IsInvalid; socket = NativeSocket.CreateNativeSocket())
                {
                    filler.Add(socket);
                }

                Assert.Equal(NativeSocket.EMFILE, NativeSocket.LastError);

                // "localhost" needs /etc/hosts (or a socket to a resolver): no descriptor, no lookup.
                fixed (byte* node = "localhost\0"u8, service = "80\0"u8)
                {
                    rawCode = NativeSocket.GetAddrInfo(node, service, null, out var list);
                    systemError = Marshal.GetLastPInvokeError();
                    Assert.True(list is null);
                }

                error = Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo("localhost", new Port(80)));
            }

            // musl says EAI_SYSTEM (errno EMFILE); glibc says the name is not known (EAI_NONAME).
            if (PlatformDetection.IsMusl)
            {
                Assert.Equal(Native.EAI_SYSTEM, rawCode);
            }

            if (rawCode == Native.EAI_SYSTEM)
            {
                Assert.Equal(NativeSocket.EMFILE, systemError);
                Assert.Equal((OSErrorSpace.Errno, NativeSocket.EMFILE), (error.Space, error.ErrorCode));
            }
            else
            {
                Assert.Equal((OSErrorSpace.AddrInfo, rawCode), (error.Space, error.ErrorCode));
            }

            Assert.Contains("getAddrInfo(\"localhost\", 80", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            filler.ForEach(NativeSocket.Close);
        }
    }
}
