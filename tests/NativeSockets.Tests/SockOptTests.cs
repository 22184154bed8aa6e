using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class SockOptTests
{
    [Fact]
    public void SetSockOptInt_sets_what_System_Net_reads_and_GetSockOptInt_reads_it_back()
    {
        using var socket = OwnedSocket.Create();
        using var view = socket.View();
        Assert.Equal(0, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_KEEPALIVE));
        Assert.Equal(0, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_REUSEADDR));

        NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_KEEPALIVE, 1);
        NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_REUSEADDR, 1);

        Assert.Equal(1, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_KEEPALIVE));
        Assert.Equal(1, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_REUSEADDR));
        Assert.Equal(1, (int)view.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
    }

    [Fact]
    public void GetSockOptInt_reads_what_System_Net_set()
    {
        using var socket = OwnedSocket.Create();
        using var view = socket.View();

        view.NoDelay = true;
        view.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);

        Assert.Equal(1, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.ToInt(Protocol.IPPROTO_TCP), Native.TCP_NODELAY));
        Assert.Equal(1, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_KEEPALIVE));
        Assert.Equal(view.ReceiveBufferSize, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, Native.SO_RCVBUF));
    }

    [Fact]
    public void A_boolean_option_set_to_5_reads_back_as_1_as_in_Nim()
    {
        using var socket = OwnedSocket.Create();

        NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_KEEPALIVE, 5);

        Assert.Equal(1, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_KEEPALIVE));
    }

    [Fact]
    public void The_socket_type_option_matches_System_Net()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        using var view = socket.View();

        Assert.Equal(NativeSocket.ToInt(SockType.SOCK_DGRAM), NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, Native.SO_TYPE));
        Assert.Equal(SocketType.Dgram, view.SocketType);
    }

    [PosixFact("SO_DOMAIN is a POSIX option; Winsock has none")]
    public void The_family_option_is_the_socket_s_domain()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);

        Assert.Equal(NativeSocket.ToInt(Domain.AF_INET6), NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, Native.SO_DOMAIN));
    }

    [Fact]
    public void An_unknown_option_throws_OSErrorException_with_ENOPROTOOPT()
    {
        using var socket = OwnedSocket.Create();

        var get = Assert.Throws<OSErrorException>(() => NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, 12345));
        var set = Assert.Throws<OSErrorException>(() => NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, 12345, 1));

        Assert.Equal(NativeSocket.ENOPROTOOPT, get.ErrorCode);
        Assert.Equal(NativeSocket.ENOPROTOOPT, set.ErrorCode);
        Assert.Equal(PlatformErrors.Space, get.Space);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(NativeSocket.ENOPROTOOPT), get.Message);
    }

    [Fact]
    public void A_closed_handle_throws_OSErrorException_with_EBADF()
    {
        var closed = Descriptors.ClosedHandle();

        var get = Assert.Throws<OSErrorException>(() => NativeSocket.GetSockOptInt(closed, NativeSocket.SOL_SOCKET, NativeSocket.SO_ERROR));
        var set = Assert.Throws<OSErrorException>(() => NativeSocket.SetSockOptInt(closed, NativeSocket.SOL_SOCKET, NativeSocket.SO_REUSEADDR, 1));

        Assert.Equal(PlatformErrors.NotOpen, get.ErrorCode);
        Assert.Equal(PlatformErrors.NotOpen, set.ErrorCode);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(PlatformErrors.NotOpen), set.Message);
    }
}
