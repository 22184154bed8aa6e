using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class SetBlockingTests
{
    [PosixFact("reads O_NONBLOCK with fcntl; Windows cannot read a socket's blocking mode back")]
    public void A_new_socket_blocks_and_SetBlocking_false_sets_O_NONBLOCK()
    {
        using var socket = OwnedSocket.Create();
        Assert.False(IsNonBlocking(socket.Handle));

        NativeSocket.SetBlocking(socket.Handle, false);

        Assert.True(IsNonBlocking(socket.Handle));
    }

    [PosixFact("reads the status flags with fcntl; Windows cannot read a socket's blocking mode back")]
    public void SetBlocking_is_idempotent_and_reversible_and_keeps_other_flags()
    {
        using var socket = OwnedSocket.Create();
        var before = Flags(socket.Handle);

        NativeSocket.SetBlocking(socket.Handle, false);
        NativeSocket.SetBlocking(socket.Handle, false);
        Assert.Equal(before | NativeSocket.O_NONBLOCK, Flags(socket.Handle));

        NativeSocket.SetBlocking(socket.Handle, true);
        NativeSocket.SetBlocking(socket.Handle, true);
        Assert.Equal(before, Flags(socket.Handle));
    }

    [Fact]
    public void A_non_blocking_socket_with_nothing_to_read_fails_at_once_with_EAGAIN()
    {
        using var pair = Connected.Tcp();
        NativeSocket.SetBlocking(pair.Native.Handle, false);
        var clock = Stopwatch.StartNew();

        var received = NativeSocket.Recv(pair.Native.Handle, new byte[8]);

        Assert.Equal(-1, received);
        Assert.Equal(NativeSocket.EAGAIN, NativeSocket.LastError);
        Assert.True(clock.Elapsed < Loopback.Patience);
    }

    [Fact]
    public void A_blocking_socket_waits_for_data()
    {
        using var pair = Connected.Tcp();
        NativeSocket.SetBlocking(pair.Native.Handle, false);
        NativeSocket.SetBlocking(pair.Native.Handle, true);
        var sender = new System.Threading.Thread(() =>
        {
            System.Threading.Thread.Sleep(100);
            pair.Peer.Send([42]);
        });
        sender.Start();
        var buffer = new byte[1];

        Assert.Equal(1, NativeSocket.Recv(pair.Native.Handle, buffer));
        Assert.Equal(42, buffer[0]);
        sender.Join();
    }

    [PosixFact("Winsock cannot read a socket's non-blocking mode back, and its accept gives the new socket the listener's")]
    public void An_accepted_socket_does_not_take_its_listeners_non_blocking_mode()
    {
        using var listener = Loopback.ListenV4();
        NativeSocket.SetBlocking(listener.Handle, false);
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));

        var (accepted, _) = Loopback.AcceptPending(listener.Handle);
        using (accepted)
        {
            Assert.True(IsNonBlocking(listener.Handle));
            Assert.False(IsNonBlocking(accepted.Handle));
        }
    }

    [Fact]
    public void A_closed_handle_throws_OSErrorException_with_EBADF()
    {
        var closed = Descriptors.ClosedHandle();

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.SetBlocking(closed, false));

        Assert.Equal(PlatformErrors.NotOpen, error.ErrorCode);
        Assert.Equal(PlatformErrors.Space, error.Space);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(PlatformErrors.NotOpen), error.Message);
    }

    private static int Flags(SocketHandle handle)
    {
        var flags = Native.fcntl((int)handle.Value, NativeSocket.F_GETFL, 0);
        Assert.True(flags >= 0, $"fcntl(F_GETFL) failed: errno {Marshal.GetLastPInvokeError()}");
        return flags;
    }

    private static bool IsNonBlocking(SocketHandle handle) => (Flags(handle) & NativeSocket.O_NONBLOCK) != 0;
}
