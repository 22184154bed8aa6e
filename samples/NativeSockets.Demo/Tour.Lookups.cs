using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace NativeSockets.Demo;

internal sealed unsafe partial class Tour
{
    private void ServiceAndProtocolLookups()
    {
        var http = NativeSocket.GetServByName("http", "tcp");
        Info("GetServByName(\"http\", \"tcp\")", http);
        CheckEqual("  .Port (host byte order; Nim gives 20480)", http.Port, new Port(80), "IANA's port for http");

        var https = NativeSocket.GetServByPort(new Port(443), "tcp");
        CheckEqual("GetServByPort(new Port(443), \"tcp\").Name (Nim 1.6 raises RangeDefect)", Quote(https.Name), Quote("https"));
        CheckEqual(
            "GetServByName(\"www\", \"tcp\").Name (an alias)", Quote(NativeSocket.GetServByName("www", "tcp").Name), Quote(http.Name), "GetServByName(\"http\")");
        ExpectOSError("GetServByName(\"no-such-service\", \"tcp\")", () => NativeSocket.GetServByName("no-such-service", "tcp"), "Service not found: no-such-service/tcp");

        foreach (var (name, iana) in new[] { ("tcp", ProtocolType.Tcp), ("udp", ProtocolType.Udp), ("icmp", ProtocolType.Icmp), ("TCP", ProtocolType.Tcp) })
        {
            CheckEqual($"GetProtoByName(\"{name}\")", NativeSocket.GetProtoByName(name), (int)iana, $"IANA number, System.Net's {iana}");
        }

        ExpectOSError("GetProtoByName(\"nosuch\")", () => NativeSocket.GetProtoByName("nosuch"), "protocol not found: nosuch");
    }

    private void HostLookups()
    {
        var localhost = NativeSocket.GetHostByName("localhost");
        var systemNet = Dns.GetHostAddresses("localhost").Where(address => address.AddressFamily == AddressFamily.InterNetwork).Select(address => address.ToString());
        Info("GetHostByName(\"localhost\")", localhost);
        CheckEqual("  .AddrList", string.Join(", ", localhost.AddrList.Order()), string.Join(", ", systemNet.Order()), "Dns.GetHostAddresses, IPv4");

        var ipv6 = NativeSocket.GetHostByName("::1");
        CheckEqual("GetHostByName(\"::1\") (Nim fails)", $"{ipv6.AddrType} [{string.Join(", ", ipv6.AddrList)}]", "AF_INET6 [::1]");

        var byAddress = NativeSocket.GetHostByAddr("127.0.0.1");
        CheckEqual("GetHostByAddr(\"127.0.0.1\").Name", Quote(byAddress.Name), Quote(Dns.GetHostEntry(IPAddress.Loopback).HostName), "getnameinfo through Dns.GetHostEntry");

        try
        {
            Check("GetHostByAddr(\"not-an-ip\")", NativeSocket.GetHostByAddr("not-an-ip"), false, "ArgumentException");
        }
        catch (ArgumentException e)
        {
            Check("GetHostByAddr(\"not-an-ip\") (Nim looks up 255.255.255.255)", $"{e.GetType().Name} for '{e.ParamName}'", true, "ArgumentException");
        }

        // A 64-character label is longer than DNS allows, so the resolver refuses the name without asking
        // a name server: the tour never sends anything off the machine.
        var unresolvable = new string('x', 64) + ".invalid";
        ExpectOSError("GetHostByName(a name with a 64-character label)", () => NativeSocket.GetHostByName(unresolvable), unresolvable);
        CheckEqual("GetHostname()", Quote(NativeSocket.GetHostname()), Quote(Dns.GetHostName()), "Dns.GetHostName");
    }

    private void AddressLookups()
    {
        var resolved = Dns.GetHostAddresses("localhost").Where(address => address.AddressFamily == AddressFamily.InterNetwork).Select(address => address.ToString()).ToList();
        var list = NativeSocket.GetAddrInfo("localhost", new Port(8080));
        try
        {
            for (var entry = list; entry is not null; entry = entry->ai_next)
            {
                var addressText = NativeSocket.GetAddrString(entry->ai_addr);
                var port = NativeSocket.ToIPEndPoint(entry->ai_addr, entry->ai_addrlen).Port;
                Check(
                    "GetAddrInfo(\"localhost\", 8080): GetAddrString(ai_addr), port",
                    $"{addressText}, {port}",
                    resolved.Contains(addressText) && port == 8080,
                    $"one of Dns.GetHostAddresses' [{string.Join(", ", resolved)}], 8080");
            }
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
            Info("FreeAddrInfo(list)", "done");
        }

        var mapped = NativeSocket.EnumerateAddrInfo("127.0.0.1", new Port(80), Domain.AF_INET6).Single();
        CheckEqual("EnumerateAddrInfo(\"127.0.0.1\", 80, AF_INET6) (AI_V4MAPPED)", mapped.EndPoint, new IPEndPoint(IPAddress.Loopback.MapToIPv6(), 80));
        var raw = NativeSocket.EnumerateAddrInfo("127.0.0.1", new Port(80), Domain.AF_INET, SockType.SOCK_RAW, Protocol.IPPROTO_ICMP).Single();
        CheckEqual("EnumerateAddrInfo(\"127.0.0.1\", 80, AF_INET, SOCK_RAW, ICMP).EndPoint.Port (port ignored)", raw.EndPoint.Port, 0);
        ExpectOSError("GetAddrInfo(\"::1\", 80) (AF_INET by default)", () => NativeSocket.FreeAddrInfo(NativeSocket.GetAddrInfo("::1", new Port(80))), "getAddrInfo(\"::1\"");

        var storage = NativeSocket.ToSockAddr(new IPEndPoint(IPAddress.Parse("::ffff:10.1.2.3"), 80), out var length);
        CheckEqual("GetAddrString(::ffff:10.1.2.3) (v4-mapped shortened)", Quote(NativeSocket.GetAddrString((SockAddr*)&storage)), Quote("10.1.2.3"));
        Span<char> text = stackalloc char[NativeSocket.AddrStringCapacity];
        var written = NativeSocket.GetAddrString((SockAddr*)&storage, text);
        CheckEqual("GetAddrString(::ffff:10.1.2.3, span) (no allocation)", Quote(new string(text[..written])), Quote("10.1.2.3"));
        CheckEqual("ToIPEndPoint(ToSockAddr([::ffff:10.1.2.3]:80))", NativeSocket.ToIPEndPoint((SockAddr*)&storage, length), new IPEndPoint(IPAddress.Parse("::ffff:10.1.2.3"), 80));
        CheckEqual("InetNtoa(new InAddr(0x0100007F))", Quote(NativeSocket.InetNtoa(new InAddr(NativeSocket.Htonl(0x7F000001)))), Quote(IPAddress.Loopback.ToString()), "IPAddress.Loopback");

        var unix = NativeSocket.MakeUnixAddr("/tmp/tour.sock");
        CheckEqual("MakeUnixAddr(\"/tmp/tour.sock\").sun_path", Quote(unix.sun_path), Quote("/tmp/tour.sock"));
        CheckEqual("GetAddrString(that address)", Quote(NativeSocket.GetAddrString((SockAddr*)&unix)), Quote("unix"));
        try
        {
            NativeSocket.MakeUnixAddr(new string('a', SockAddrUn.PathCapacity));
            Fail($"MakeUnixAddr of {SockAddrUn.PathCapacity} bytes did not throw");
        }
        catch (ArgumentException e)
        {
            Check($"MakeUnixAddr({SockAddrUn.PathCapacity} bytes)", Quote(e.Message), e.Message.StartsWith("socket path too long", StringComparison.Ordinal), "socket path too long");
        }

        SockAddrStorage unspecified = default;
        try
        {
            Check("GetAddrString(AF_UNSPEC)", NativeSocket.GetAddrString((SockAddr*)&unspecified), false, "IOException");
        }
        catch (IOException e)
        {
            CheckEqual("GetAddrString(AF_UNSPEC)", Quote(e.Message), Quote("Unknown socket family in getAddrString"));
        }
    }

    /// <summary>Runs a call that must throw <see cref="OSErrorException"/> with <paramref name="expectedText"/> in its message.</summary>
    private void ExpectOSError(string call, Action action, string expectedText)
    {
        try
        {
            action();
            Check(call, "no exception", false, $"OSErrorException mentioning {Quote(expectedText)}");
        }
        catch (OSErrorException e)
        {
            Check(call, $"OSErrorException {e.Space} {e.ErrorCode}: {Quote(e.Message)}", e.Message.Contains(expectedText, StringComparison.Ordinal), $"a message mentioning {Quote(expectedText)}");
        }
    }
}
