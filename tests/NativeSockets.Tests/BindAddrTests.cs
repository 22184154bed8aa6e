using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class BindAddrTests
{
    [Fact]
    public void Binding_to_127_0_0_1_port_0_gets_the_port_System_Net_reports()
    {
        using var socket = OwnedSocket.Create();

        Assert.Equal(0, Loopback.BindV4(socket.Handle));

        using var view = socket.View();
        var local = Assert.IsType<IPEndPoint>(view.LocalEndPoint);
        Assert.Equal(IPAddress.Loopback, local.Address);
        Assert.NotEqual(0, local.Port);
        Assert.Equal(local.Port, (ushort)NativeSocket.GetSockName(socket.Handle));
    }

    [Fact]
    public void Binding_a_UDP_socket_to_127_0_0_1_works_too()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);

        Assert.Equal(0, Loopback.BindV4(socket.Handle));

        using var view = socket.View();
        Assert.Equal(((IPEndPoint)view.LocalEndPoint!).Port, NativeSocket.GetSockName(socket.Handle).Value);
    }

    [Fact]
    public void Binding_to_IPv6_loopback_gets_the_port_System_Net_reports()
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET6);

        Assert.Equal(0, Loopback.Bind(socket.Handle, new IPEndPoint(IPAddress.IPv6Loopback, 0)));

        using var view = socket.View();
        var local = Assert.IsType<IPEndPoint>(view.LocalEndPoint);
        Assert.Equal(IPAddress.IPv6Loopback, local.Address);
        Assert.Equal(local.Port, (ushort)NativeSocket.GetSockName(socket.Handle));
    }

    [Fact]
    public void Binding_an_AF_UNIX_socket_creates_the_path()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("bound.sock");
        using var socket = OwnedSocket.Create(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE);

        Assert.Equal(0, Loopback.Bind(socket.Handle, new UnixDomainSocketEndPoint(path)));

        using var view = socket.View();
        Assert.True(Path.Exists(path));
        Assert.Equal(path, view.LocalEndPoint!.ToString());
    }

    [Fact]
    public void Binding_twice_fails_with_EINVAL()
    {
        using var socket = OwnedSocket.Create();
        Assert.Equal(0, Loopback.BindV4(socket.Handle));
        var firstPort = NativeSocket.GetSockName(socket.Handle);

        var result = Loopback.BindV4(socket.Handle);
        var errno = Marshal.GetLastPInvokeError();

        Assert.Equal(-1, result);
        Assert.Equal(NativeSocket.EINVAL, errno);
        Assert.Equal(firstPort, NativeSocket.GetSockName(socket.Handle));
    }

    [Fact]
    public void Binding_a_port_in_use_fails_with_EADDRINUSE()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var taken = (Port)(ushort)((IPEndPoint)holder.LocalEndPoint!).Port;
        using var socket = OwnedSocket.Create();

        var result = Loopback.BindV4(socket.Handle, taken);
        var errno = Marshal.GetLastPInvokeError();

        Assert.Equal(-1, result);
        Assert.Equal(NativeSocket.EADDRINUSE, errno);
        Assert.Equal((Port)0, NativeSocket.GetSockName(socket.Handle));
    }

    [Fact]
    public void Binding_with_a_length_too_short_for_the_address_fails_with_EINVAL()
    {
        using var socket = OwnedSocket.Create();
        var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, default);

        var result = NativeSocket.BindAddr(socket.Handle, (SockAddr*)&address, sizeof(SockAddrIn) - 1);
        var errno = Marshal.GetLastPInvokeError();

        Assert.Equal(-1, result);
        Assert.Equal(PlatformErrors.ShortAddress, errno);
    }

    [Fact]
    public void Binding_a_closed_handle_fails_with_EBADF()
    {
        var closed = Descriptors.ClosedHandle();
        var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, default);

        var result = NativeSocket.BindAddr(closed, (SockAddr*)&address, sizeof(SockAddrIn));
        var errno = Marshal.GetLastPInvokeError();

        Assert.Equal(-1, result);
        Assert.Equal(PlatformErrors.NotOpen, errno);
    }
}
