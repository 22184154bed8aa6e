using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class ConstantsTests
{
    private static readonly string[] NimReExports =
    [
        "SOL_SOCKET", "SOMAXCONN", "SO_ERROR", "SO_ACCEPTCONN", "SO_BROADCAST", "SO_DEBUG", "SO_DONTROUTE", "SO_KEEPALIVE",
        "SO_OOBINLINE", "SO_REUSEADDR", "SO_REUSEPORT", "MSG_PEEK", "MSG_NOSIGNAL", "INADDR_ANY", "F_GETFL", "F_SETFL", "O_NONBLOCK",
        "EAGAIN", "EWOULDBLOCK", "EINTR", "EINPROGRESS", "ECONNRESET", "EPIPE", "ENETRESET", "EBADF",
    ];

    private static readonly Regex CNames = new("^[A-Z][A-Z0-9]*_?[A-Z0-9_]*$");

    public static TheoryData<string> PublicConstants() =>
        new(typeof(NativeSocket).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(uint))
            .Where(p => CNames.IsMatch(p.Name))
            .Select(p => p.Name));

    [Fact]
    public void Every_constant_Nim_re_exports_is_a_read_only_property_not_a_const()
    {
        foreach (var name in NimReExports)
        {
            var property = typeof(NativeSocket).GetProperty(name, BindingFlags.Public | BindingFlags.Static);
            Assert.True(property is { CanRead: true, CanWrite: false }, $"{name} is not a public read-only property");
        }

        Assert.DoesNotContain(typeof(NativeSocket).GetFields(BindingFlags.Public | BindingFlags.Static), f => f.IsLiteral);
    }

    [Theory]
    [MemberData(nameof(PublicConstants))]
    public void Each_constant_is_the_running_platforms_value_of_its_native_name(string name)
    {
        var expected = ReadOrMissing(typeof(Native).GetProperty(NativeName(name), BindingFlags.NonPublic | BindingFlags.Static)!);
        var actual = ReadOrMissing(typeof(NativeSocket).GetProperty(name)!);

        if (OperatingSystem.IsWindows() && name == "MSG_NOSIGNAL")
        {
            // Windows has no SIGPIPE: the flag is the empty set there.
            Assert.Equal(0, actual);
        }
        else if (expected is PlatformNotSupportedException)
        {
            Assert.IsType<PlatformNotSupportedException>(actual);
        }
        else
        {
            // FIONBIO is the native command's 32 bits, whatever width the platform's constant has.
            Assert.Equal(unchecked((int)Convert.ToInt64(expected, CultureInfo.InvariantCulture)), unchecked((int)Convert.ToInt64(actual, CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The native name a public constant reads: itself, or on Windows the Winsock counterpart of an errno name.</summary>
    private static string NativeName(string name)
    {
        // shutdown's directions are SD_* on Windows; macOS calls TCP_KEEPIDLE TCP_KEEPALIVE.
        if (OperatingSystem.IsWindows() && name.StartsWith("SHUT_", StringComparison.Ordinal))
        {
            return name.Replace("SHUT_RDWR", "SD_BOTH", StringComparison.Ordinal).Replace("SHUT_RD", "SD_RECEIVE", StringComparison.Ordinal).Replace("SHUT_WR", "SD_SEND", StringComparison.Ordinal);
        }

        if (OperatingSystem.IsMacOS() && name == "TCP_KEEPIDLE")
        {
            return "TCP_KEEPALIVE";
        }

        if (!OperatingSystem.IsWindows() || !name.StartsWith('E'))
        {
            return name;
        }

        var winsock = name switch
        {
            "EAGAIN" or "EWOULDBLOCK" or "EINPROGRESS" => "WSAEWOULDBLOCK",
            "ENOMEM" => "WSA_NOT_ENOUGH_MEMORY",
            _ => "WSA" + name,
        };
        return typeof(Native).GetProperty(winsock, BindingFlags.NonPublic | BindingFlags.Static) is null ? name : winsock;
    }

    /// <summary>The property's value, or the PlatformNotSupportedException it throws where the platform lacks the name.</summary>
    private static object ReadOrMissing(PropertyInfo property)
    {
        Assert.NotNull(property);
        try
        {
            return property.GetValue(null)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is PlatformNotSupportedException missing)
        {
            return missing;
        }
    }

    [Fact]
    public void The_errno_names_are_the_codes_the_kernel_reports()
    {
        var closed = Descriptors.ClosedHandle();
        Assert.Equal(-1, NativeSocket.Recv(closed, null, 0, 0));
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);

        using var pair = Connected.Tcp();
        NativeSocket.SetBlocking(pair.Native.Handle, false);
        var buffer = new byte[1];
        Assert.Equal(-1, NativeSocket.Recv(pair.Native.Handle, buffer));
        Assert.Equal(NativeSocket.EAGAIN, NativeSocket.LastError);
        Assert.Equal(NativeSocket.EWOULDBLOCK, NativeSocket.LastError);

        using var unconnected = OwnedSocket.Create();
        Assert.Throws<OSErrorException>(() => NativeSocket.GetPeerAddr(unconnected.Handle));
        Assert.Equal(NativeSocket.ENOTCONN, NativeSocket.LastError);
    }

    [Fact]
    public void The_errno_names_agree_with_System_Net_on_a_refused_connection()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var socket = OwnedSocket.Create();
        Assert.Equal(-1, Connected.ConnectTo(socket.Handle, new IPEndPoint(IPAddress.Loopback, port)));
        var errno = NativeSocket.LastError;

        using var systemNet = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var error = Assert.Throws<SocketException>(() => systemNet.Connect(IPAddress.Loopback, port));
        Assert.Equal(NativeSocket.ECONNREFUSED, errno);
        Assert.Equal(error.NativeErrorCode, errno);
    }

    [Fact]
    public void A_non_blocking_connect_reports_EINPROGRESS_then_its_outcome_in_SO_ERROR()
    {
        using var listener = Loopback.ListenV4();
        using var socket = OwnedSocket.Create();
        NativeSocket.SetBlocking(socket.Handle, false);

        var result = Connected.ConnectTo(socket.Handle, new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle)));
        var errno = NativeSocket.LastError;

        Assert.True(result == 0 || errno == NativeSocket.EINPROGRESS, $"connect gave {result}, errno {errno}");
        Assert.Equal(1, NativeSocket.SelectWrite([socket.Handle], 10_000));
        Assert.Equal(0, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_ERROR));
    }

    [Fact]
    public void LastError_is_the_last_PInvoke_error_of_the_thread()
    {
        Marshal.SetLastPInvokeError(12345);
        Assert.Equal(12345, NativeSocket.LastError);

        Assert.Equal(-1, NativeSocket.Listen(Descriptors.ClosedHandle()));
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
        Assert.Equal(Marshal.GetLastPInvokeError(), NativeSocket.LastError);
    }

    [Fact]
    public void INADDR_ANY_is_System_Nets_IPAddress_Any()
    {
        Assert.Equal(BitConverter.ToUInt32(IPAddress.Any.GetAddressBytes()), NativeSocket.Htonl(NativeSocket.INADDR_ANY));
    }

    [Fact]
    public void SO_ACCEPTCONN_tells_a_listener_from_a_plain_socket()
    {
        using var listener = Loopback.ListenV4();
        using var plain = OwnedSocket.Create();

        Assert.Equal(1, NativeSocket.GetSockOptInt(listener.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_ACCEPTCONN));
        Assert.Equal(0, NativeSocket.GetSockOptInt(plain.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_ACCEPTCONN));
    }

    [Fact]
    public void MSG_PEEK_leaves_the_data_in_the_queue()
    {
        using var pair = Connected.Tcp();
        pair.PeerSends(1, 2, 3);
        var peeked = new byte[3];
        var read = new byte[3];

        Assert.Equal(3, NativeSocket.Recv(pair.Native.Handle, peeked, NativeSocket.MSG_PEEK));
        Assert.Equal(3, NativeSocket.Recv(pair.Native.Handle, read));

        Assert.Equal(new byte[] { 1, 2, 3 }, peeked);
        Assert.Equal(peeked, read);
    }

    [PosixFact("SIGPIPE, MSG_NOSIGNAL and EPIPE are POSIX's; Winsock has no signal to suppress")]
    public void MSG_NOSIGNAL_turns_a_send_to_a_closed_peer_into_EPIPE()
    {
        using var pair = Connected.Tcp();
        pair.Peer.Close();
        var errno = 0;

        // The first sends may still be accepted locally before the reset arrives.
        for (var i = 0; i < 100 && errno != NativeSocket.EPIPE; i++)
        {
            if (NativeSocket.Send(pair.Native.Handle, new byte[] { 1 }, NativeSocket.MSG_NOSIGNAL) < 0)
            {
                errno = NativeSocket.LastError;
                Assert.True(errno == NativeSocket.EPIPE || errno == NativeSocket.ECONNRESET, $"send failed with errno {errno}");
            }

            System.Threading.Thread.Sleep(10);
        }

        Assert.Equal(NativeSocket.EPIPE, errno);
    }
}
