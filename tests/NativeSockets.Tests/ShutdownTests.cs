using System;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class ShutdownTests
{
    [Fact]
    public void Shutdown_Write_is_a_half_close_the_peer_reads_as_the_end_while_this_side_still_receives()
    {
        using var pair = Connected.Tcp();
        Assert.Equal(3, NativeSocket.Send(pair.Native.Handle, new byte[] { 1, 2, 3 }));

        Assert.Equal(0, NativeSocket.Shutdown(pair.Native.Handle, ShutdownHow.Write));

        // The peer reads what was sent, then the end of the stream.
        var received = new byte[8];
        pair.Peer.ReceiveTimeout = 10_000;
        Assert.Equal(3, pair.Peer.Receive(received));
        Assert.Equal(0, pair.Peer.Receive(received));

        // Its reply still arrives on the half-closed socket.
        pair.PeerSends(7, 8);
        var reply = new byte[2];
        Assert.Equal(2, NativeSocket.Recv(pair.Native.Handle, reply));
        Assert.Equal(new byte[] { 7, 8 }, reply);
    }

    [Fact]
    public void After_Shutdown_Write_a_send_fails_with_EPIPE_or_Windows_ESHUTDOWN()
    {
        using var pair = Connected.Tcp();
        Assert.Equal(0, NativeSocket.Shutdown(pair.Native.Handle, ShutdownHow.Write));

        Assert.Equal(-1, NativeSocket.Send(pair.Native.Handle, new byte[] { 1 }, NativeSocket.MSG_NOSIGNAL));
        Assert.Equal(OperatingSystem.IsWindows() ? NativeSocket.ESHUTDOWN : NativeSocket.EPIPE, NativeSocket.LastError);
    }

    [Fact]
    public void Shutdown_Read_ends_this_sides_receiving()
    {
        using var pair = Connected.Tcp();
        using var view = pair.Native.View();

        Assert.Equal(0, NativeSocket.Shutdown(pair.Native.Handle, ShutdownHow.Read));

        // POSIX reads the end of the stream at once; Winsock refuses the receive (WSAESHUTDOWN).
        var result = NativeSocket.Recv(pair.Native.Handle, new byte[1]);
        if (OperatingSystem.IsWindows())
        {
            Assert.Equal(-1, result);
            Assert.Equal(NativeSocket.ESHUTDOWN, NativeSocket.LastError);
        }
        else
        {
            Assert.Equal(0, result);
        }
    }

    [Fact]
    public void Shutdown_Both_ends_both_directions_and_leaves_the_socket_open()
    {
        using var pair = Connected.Tcp();
        Assert.Equal(0, NativeSocket.Shutdown(pair.Native.Handle, ShutdownHow.Both));

        pair.Peer.ReceiveTimeout = 10_000;
        Assert.Equal(0, pair.Peer.Receive(new byte[1]));
        Assert.Equal(-1, NativeSocket.Send(pair.Native.Handle, new byte[] { 1 }, NativeSocket.MSG_NOSIGNAL));
        Assert.True(Descriptors.IsOpen(pair.Native.Handle));
        Assert.Equal(Domain.AF_INET, NativeSocket.GetSockDomain(pair.Native.Handle));
    }

    [Theory]
    [InlineData(ShutdownHow.Read, "SHUT_RD")]
    [InlineData(ShutdownHow.Write, "SHUT_WR")]
    [InlineData(ShutdownHow.Both, "SHUT_RDWR")]
    public void ToInt_of_each_direction_is_the_platforms_number(ShutdownHow how, string name)
    {
        Assert.Equal(typeof(NativeSocket).GetProperty(name)!.GetValue(null), NativeSocket.ToInt(how));
    }

    [Fact]
    public void A_value_outside_ShutdownHow_throws_naming_how_and_shuts_nothing()
    {
        using var pair = Connected.Tcp();
        foreach (var how in new[] { (ShutdownHow)0, (ShutdownHow)4, (ShutdownHow)(-1) })
        {
            Assert.Equal("how", Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.Shutdown(pair.Native.Handle, how)).ParamName);
        }

        pair.PeerSends(5);
        Assert.Equal(1, NativeSocket.Send(pair.Native.Handle, new byte[] { 1 }));
    }

    [Fact]
    public void The_native_number_overload_does_what_the_enum_does()
    {
        using var pair = Connected.Tcp();
        Assert.Equal(0, NativeSocket.Shutdown(pair.Native.Handle, NativeSocket.SHUT_WR));
        pair.Peer.ReceiveTimeout = 10_000;
        Assert.Equal(0, pair.Peer.Receive(new byte[1]));
    }
}
