using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace NativeSockets.Demo;

internal sealed unsafe partial class Tour
{
    private void ValueTypes()
    {
        var port = (Port)80;
        ushort number = port;
        CheckEqual("((Port)80).ToString()", Quote(port.ToString()), Quote("80"));
        CheckEqual("(ushort)(Port)80", number, (ushort)80);
        CheckEqual("(Port)80 == new Port(80)", port == new Port(80), true);
        CheckEqual("(Port)80 == (Port)8080", port == (Port)8080, false);

        var handle = new SocketHandle(5);
        CheckEqual("new SocketHandle(5).IsInvalid", handle.IsInvalid, false);
        CheckEqual("NativeSocket.OsInvalidSocket", NativeSocket.OsInvalidSocket.Value, (nint)(-1));
        CheckEqual("NativeSocket.OsInvalidSocket.IsInvalid", NativeSocket.OsInvalidSocket.IsInvalid, true);
        CheckEqual("NativeSocket.OsInvalidSocket == new SocketHandle(-1)", NativeSocket.OsInvalidSocket == new SocketHandle(-1), true);

        SockLen length = 16;
        CheckEqual("((SockLen)16).ToString()", Quote(length.ToString()), Quote("16"));
        try
        {
            length = -1;
            Check("(SockLen)(-1)", length, false, "ArgumentOutOfRangeException");
        }
        catch (ArgumentOutOfRangeException e)
        {
            Check("(SockLen)(-1)", $"{e.GetType().Name} for '{e.ParamName}'", true, "ArgumentOutOfRangeException");
        }
    }

    private void EnumConversions()
    {
        var families = new (Domain Domain, AddressFamily Family)[]
        {
            (Domain.AF_UNSPEC, AddressFamily.Unspecified),
            (Domain.AF_UNIX, AddressFamily.Unix),
            (Domain.AF_INET, AddressFamily.InterNetwork),
            (Domain.AF_INET6, AddressFamily.InterNetworkV6),
        };
        foreach (var (domain, family) in families)
        {
            var native = NativeSocket.ToInt(domain);
            CheckEqual($"ToInt({domain})", native, Oracles.NativeFamilyOf(family), $"System.Net writes for {family}");
            CheckEqual($"ToKnownDomain({native})", NativeSocket.ToKnownDomain(native), domain);
        }

        var unknown = families.Max(pair => NativeSocket.ToInt(pair.Domain)) + 1;
        CheckEqual($"ToKnownDomain({unknown})", NativeSocket.ToKnownDomain(unknown), null);

        var sockTypes = Enum.GetValues<SockType>();
        Info(
            $"ToInt({string.Join(", ", sockTypes)}) (step 5 has System.Net check sockets made with them)",
            string.Join(", ", sockTypes.Select(sockType => NativeSocket.ToInt(sockType).ToString(CultureInfo.InvariantCulture))));

        var protocols = new (Protocol Protocol, ProtocolType Iana)[]
        {
            (Protocol.IPPROTO_IP, ProtocolType.IP),
            (Protocol.IPPROTO_TCP, ProtocolType.Tcp),
            (Protocol.IPPROTO_UDP, ProtocolType.Udp),
            (Protocol.IPPROTO_IPV6, ProtocolType.IPv6),
            (Protocol.IPPROTO_RAW, ProtocolType.Raw),
            (Protocol.IPPROTO_ICMP, ProtocolType.Icmp),
            (Protocol.IPPROTO_ICMPV6, ProtocolType.IcmpV6),
        };
        foreach (var (protocol, iana) in protocols)
        {
            CheckEqual($"ToInt({protocol})", NativeSocket.ToInt(protocol), (int)iana, $"IANA number, System.Net's {iana}");
        }

        CheckEqual("ToInt(IPPROTO_NONE)", NativeSocket.ToInt(Protocol.IPPROTO_NONE), NativeSocket.ToInt(Protocol.IPPROTO_IP), "ToInt(IPPROTO_IP)");

        foreach (var (protocol, _) in protocols)
        {
            var expected = protocol switch
            {
                Protocol.IPPROTO_TCP => SockType.SOCK_STREAM,
                Protocol.IPPROTO_UDP => SockType.SOCK_DGRAM,
                _ => SockType.SOCK_RAW,
            };
            CheckEqual($"ToSockType({protocol})", NativeSocket.ToSockType(protocol), expected);
        }

        try
        {
            var value = NativeSocket.ToInt((Domain)42);
            Check("ToInt((Domain)42)", value, false, "ArgumentOutOfRangeException");
        }
        catch (ArgumentOutOfRangeException e)
        {
            CheckEqual("ToInt((Domain)42)", $"{e.GetType().Name} for '{e.ParamName}'", "ArgumentOutOfRangeException for 'domain'");
        }
    }

    private void ByteOrder()
    {
        var network = NativeSocket.Htons(0x1234);
        CheckEqual("Htons(0x1234) bytes in memory", Convert.ToHexString(BitConverter.GetBytes(network)), "1234");
        CheckEqual("Htons(0x1234)", network, (ushort)IPAddress.HostToNetworkOrder((short)0x1234), "IPAddress.HostToNetworkOrder");
        CheckEqual("Ntohs(Htons(0x1234))", $"0x{NativeSocket.Ntohs(network):X4}", "0x1234");

        var networkLong = NativeSocket.Htonl(0x7F000001);
        CheckEqual("Htonl(0x7F000001) bytes in memory", Convert.ToHexString(BitConverter.GetBytes(networkLong)), "7F000001");
        CheckEqual("Htonl(0x7F000001)", networkLong, (uint)IPAddress.HostToNetworkOrder(0x7F000001), "IPAddress.HostToNetworkOrder");
        CheckEqual("Ntohl(Htonl(0x7F000001))", $"0x{NativeSocket.Ntohl(networkLong):X8}", "0x7F000001");
    }

    private void SocketAddresses()
    {
        var address = SockAddrIn.Create(0x7F000001, (Port)8080);
        CheckEqual("SockAddrIn.Create(0x7F000001, (Port)8080).sin_family", address.sin_family, NativeSocket.ToInt(Domain.AF_INET), "ToInt(AF_INET)");
        CheckEqual("  .sin_port (network order)", address.sin_port, NativeSocket.Htons(8080), "Htons(8080)");
        CheckEqual("  .sin_addr.s_addr (network order)", address.sin_addr.s_addr, NativeSocket.Htonl(0x7F000001), "Htonl(0x7F000001)");
        CheckEqual("  .sin_addr.ToString()", Quote(address.sin_addr.ToString()), Quote("127.0.0.1"));

        var expected = new IPEndPoint(IPAddress.Loopback, 8080).Serialize();
        CheckEqual(
            "  its 16 bytes",
            Convert.ToHexString(new ReadOnlySpan<byte>(&address, sizeof(SockAddrIn))),
            Convert.ToHexString(expected.Buffer.Span[..expected.Size]),
            "System.Net serializes 127.0.0.1:8080 as");
        CheckEqual("  seen as a SockAddr: sa_family", ((SockAddr*)&address)->sa_family, NativeSocket.ToInt(Domain.AF_INET));

        CheckEqual("new InAddr(Htonl(0x7F010203)).ToString()", Quote(new InAddr(NativeSocket.Htonl(0x7F010203)).ToString()), Quote("127.1.2.3"));

        var storage = Oracles.ToStorage(new IPEndPoint(IPAddress.IPv6Loopback, 8080), out var length);
        CheckEqual("SockAddrStorage holding [::1]:8080: ss_family", storage.ss_family, NativeSocket.ToInt(Domain.AF_INET6), "ToInt(AF_INET6)");
        Info("  its length", length);
    }
}
