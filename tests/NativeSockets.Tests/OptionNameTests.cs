using System.Net.Sockets;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>
/// The option levels and names (NativeSocket.OptionNames.cs): an option set through the library with them
/// is the option System.Net reads with its own names, so each name is the platform's.
/// </summary>
public class OptionNameTests
{
    [Theory]
    [InlineData("IPPROTO_TCP", "TCP_NODELAY", SocketOptionLevel.Tcp, SocketOptionName.NoDelay, 1)]
    [InlineData("IPPROTO_TCP", "TCP_KEEPIDLE", SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 42)]
    [InlineData("IPPROTO_TCP", "TCP_KEEPINTVL", SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 7)]
    [InlineData("IPPROTO_TCP", "TCP_KEEPCNT", SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 5)]
    [InlineData("IPPROTO_IP", "IP_TTL", SocketOptionLevel.IP, SocketOptionName.IpTimeToLive, 33)]
    [InlineData("SOL_SOCKET", "SO_KEEPALIVE", SocketOptionLevel.Socket, SocketOptionName.KeepAlive, 1)]
    public void A_TCP_option_set_by_its_names_is_the_one_System_Net_reads(string level, string name, SocketOptionLevel systemNetLevel, SocketOptionName systemNetName, int value) =>
        AssertSameOption(OwnedSocket.Create(), level, name, systemNetLevel, systemNetName, value);

    [Theory]
    [InlineData("IPPROTO_IP", "IP_MULTICAST_TTL", SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 9)]
    [InlineData("IPPROTO_IP", "IP_MULTICAST_LOOP", SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, 0)]
    [InlineData("SOL_SOCKET", "SO_BROADCAST", SocketOptionLevel.Socket, SocketOptionName.Broadcast, 1)]
    public void A_UDP_option_set_by_its_names_is_the_one_System_Net_reads(string level, string name, SocketOptionLevel systemNetLevel, SocketOptionName systemNetName, int value) =>
        AssertSameOption(OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP), level, name, systemNetLevel, systemNetName, value);

    [Theory]
    [InlineData("IPPROTO_IPV6", "IPV6_UNICAST_HOPS", SocketOptionLevel.IPv6, SocketOptionName.IpTimeToLive, 17)]
    [InlineData("IPPROTO_IPV6", "IPV6_MULTICAST_HOPS", SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, 3)]
    [InlineData("IPPROTO_IPV6", "IPV6_MULTICAST_LOOP", SocketOptionLevel.IPv6, SocketOptionName.MulticastLoopback, 0)]
    public void An_IPv6_option_set_by_its_names_is_the_one_System_Net_reads(string level, string name, SocketOptionLevel systemNetLevel, SocketOptionName systemNetName, int value) =>
        AssertSameOption(OwnedSocket.Create(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP), level, name, systemNetLevel, systemNetName, value);

    [Fact]
    public void IPV6_V6ONLY_set_by_its_names_is_System_Nets_DualMode_inverted()
    {
        // Its default differs (off on Linux, on on Windows): the test turns it the other way.
        using var socket = OwnedSocket.Create(Domain.AF_INET6);
        using var view = socket.View();
        var v6Only = NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.IPPROTO_IPV6, NativeSocket.IPV6_V6ONLY);
        Assert.Equal(v6Only != 0, !view.DualMode);

        NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.IPPROTO_IPV6, NativeSocket.IPV6_V6ONLY, v6Only == 0 ? 1 : 0);

        Assert.Equal(v6Only != 0, view.DualMode);
    }

    [Fact]
    public void The_buffer_sizes_set_by_their_names_are_the_ones_System_Net_reads()
    {
        using var socket = OwnedSocket.Create();
        using var view = socket.View();
        NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, 32768);
        NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_SNDBUF, 32768);

        // Linux doubles what it is given (for its bookkeeping); both sides read the same number.
        Assert.Equal(view.ReceiveBufferSize, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF));
        Assert.Equal(view.SendBufferSize, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_SNDBUF));
        Assert.True(view.ReceiveBufferSize >= 32768);
    }

    [Fact]
    public void The_levels_are_the_protocol_numbers_ToInt_gives()
    {
        Assert.Equal(NativeSocket.ToInt(Protocol.IPPROTO_TCP), NativeSocket.IPPROTO_TCP);
        Assert.Equal(NativeSocket.ToInt(Protocol.IPPROTO_UDP), NativeSocket.IPPROTO_UDP);
        Assert.Equal(NativeSocket.ToInt(Protocol.IPPROTO_IP), NativeSocket.IPPROTO_IP);
        Assert.Equal(NativeSocket.ToInt(Protocol.IPPROTO_IPV6), NativeSocket.IPPROTO_IPV6);
    }

    private static void AssertSameOption(OwnedSocket socket, string level, string name, SocketOptionLevel systemNetLevel, SocketOptionName systemNetName, int value)
    {
        using (socket)
        using (var view = socket.View())
        {
            var levelNumber = (int)typeof(NativeSocket).GetProperty(level)!.GetValue(null)!;
            var nameNumber = (int)typeof(NativeSocket).GetProperty(name)!.GetValue(null)!;
            var before = (int)view.GetSocketOption(systemNetLevel, systemNetName)!;
            Assert.NotEqual(value, before);

            NativeSocket.SetSockOptInt(socket.Handle, levelNumber, nameNumber, value);

            Assert.Equal(value, (int)view.GetSocketOption(systemNetLevel, systemNetName)!);
            Assert.Equal(value, NativeSocket.GetSockOptInt(socket.Handle, levelNumber, nameNumber));
        }
    }
}
