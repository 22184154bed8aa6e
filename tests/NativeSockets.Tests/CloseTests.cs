using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class CloseTests
{
    [Fact]
    public void Close_releases_the_descriptor()
    {
        using var socket = Descriptors.CreateHigh();
        Assert.True(Descriptors.IsOpen(socket.Handle));
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");
        var port = NativeSocket.GetSockName(socket.Handle);
        var handle = socket.Release();

        NativeSocket.Close(handle);

        Descriptors.AssertClosed(handle, port);
    }

    [Fact]
    public void Closing_twice_does_not_throw_and_leaves_EBADF()
    {
        var handle = Descriptors.ClosedHandle();

        var exception = Record.Exception(() => NativeSocket.Close(handle));

        Assert.Null(exception);
        Assert.Equal(PlatformErrors.NotOpen, Marshal.GetLastPInvokeError());
    }

    [Fact]
    public void Closing_OsInvalidSocket_does_not_throw()
    {
        var exception = Record.Exception(() => NativeSocket.Close(NativeSocket.OsInvalidSocket));

        Assert.Null(exception);
        Assert.Equal(PlatformErrors.NotOpen, Marshal.GetLastPInvokeError());
    }

    [Fact]
    public void Closing_a_listener_refuses_later_connections_to_its_port()
    {
        using var listener = Loopback.ListenV4();
        var port = NativeSocket.GetSockName(listener.Handle);

        NativeSocket.Close(listener.Release());

        using var client = new TcpClient(AddressFamily.InterNetwork);
        var refused = Assert.Throws<SocketException>(() => client.Connect(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
