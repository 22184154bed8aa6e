using System;
using System.Net;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>
/// Connect, Send, Recv, SendTo, RecvFrom and their span forms (NativeSocket.RawCalls.cs,
/// NativeSocket.SpanTransfer.cs): -1 and errno for bad handles, pointers and lengths; an exception only
/// for a negative length, which C would read as a huge one.
/// </summary>
[Collection(nameof(RunsAlone))]
public unsafe class RawCallsTests
{
    [Theory]
    [MemberData(nameof(BadHandles.All), MemberType = typeof(BadHandles))]
    public void Every_transfer_on_a_bad_handle_returns_minus_1(BadHandle kind)
    {
        SkipFileHandleUnderWine(kind);
        Run(() =>
        {
            using var bad = BadHandles.Open(kind);
            var errno = bad.SocketErrno;
            var buffer = new byte[16];
            var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, new Port(9));
            SockLen length = sizeof(SockAddrIn);
            fixed (byte* bytes = buffer)
            {
                FailedWith(errno, NativeSocket.Connect(bad.Handle, (SockAddr*)&address, length));
                FailedWith(errno, NativeSocket.Send(bad.Handle, bytes, buffer.Length, 0));
                FailedWith(errno, NativeSocket.Recv(bad.Handle, bytes, buffer.Length, 0));
                FailedWith(errno, NativeSocket.SendTo(bad.Handle, bytes, buffer.Length, 0, (SockAddr*)&address, length));
                FailedWith(errno, NativeSocket.RecvFrom(bad.Handle, bytes, buffer.Length, 0, (SockAddr*)&address, &length));
            }

            FailedWith(errno, NativeSocket.Send(bad.Handle, buffer.AsSpan()));
            FailedWith(errno, NativeSocket.Recv(bad.Handle, buffer.AsSpan()));
        });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void A_negative_length_throws_naming_length_for_every_pointer_call(long length) => Run(() =>
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        var buffer = stackalloc byte[1];
        var bytes = (nint)buffer;
        ThrowsFor<ArgumentOutOfRangeException>("length", () => NativeSocket.Send(socket.Handle, (void*)bytes, (nint)length, 0));
        ThrowsFor<ArgumentOutOfRangeException>("length", () => NativeSocket.Recv(socket.Handle, (void*)bytes, (nint)length, 0));
        ThrowsFor<ArgumentOutOfRangeException>("length", () => NativeSocket.SendTo(socket.Handle, (void*)bytes, (nint)length, 0, null, 0));
        ThrowsFor<ArgumentOutOfRangeException>("length", () => NativeSocket.RecvFrom(socket.Handle, (void*)bytes, (nint)length, 0, null, null));
    });

    [Fact]
    public void A_null_buffer_with_a_length_fails_with_EFAULT_and_does_not_crash() => Run(() =>
    {
        using var connected = Connected.Tcp();
        connected.PeerSends(1, 2, 3);
        FailedWith(NativeSocket.EFAULT, NativeSocket.Send(connected.Native.Handle, null, 16, NativeSocket.MSG_NOSIGNAL));
        FailedWith(NativeSocket.EFAULT, NativeSocket.Recv(connected.Native.Handle, null, 16, 0));
    });

    [Fact]
    public void Connect_with_a_null_address_fails_with_EFAULT() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        FailedWith(NativeSocket.EFAULT, NativeSocket.Connect(socket.Handle, null, sizeof(SockAddrIn)));
    });

    [NotWineTheory("Wine 8 connects with a length of 0 and answers WSAEADDRNOTAVAIL for 15; Windows documents WSAEFAULT for a length too small")]
    [InlineData(0)]
    [InlineData(15)]
    public void Connect_and_SendTo_with_a_length_too_small_for_the_address_fail_with_EINVAL(int length) => Run(() =>
    {
        using var stream = OwnedSocket.Create();
        using var datagram = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, new Port(9));
        byte data = 1;
        FailedWith(PlatformErrors.ShortAddress, NativeSocket.Connect(stream.Handle, (SockAddr*)&address, length));
        FailedWith(PlatformErrors.ShortAddress, NativeSocket.SendTo(datagram.Handle, &data, 1, 0, (SockAddr*)&address, length));
    });

    [NotWineFact("Wine 8 answers WSAEOPNOTSUPP; Windows documents WSAEAFNOSUPPORT for an address of another family")]
    public void Connect_to_an_IPv6_address_from_an_IPv4_socket_fails_with_EAFNOSUPPORT() => Run(() =>
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET);
        var address = SockAddrIn6.Create(new In6Addr(IPAddress.IPv6Loopback.GetAddressBytes()), new Port(9));
        FailedWith(NativeSocket.EAFNOSUPPORT, NativeSocket.Connect(socket.Handle, (SockAddr*)&address, sizeof(SockAddrIn6)));
    });

    [PosixFact("EPIPE and the SIGPIPE MSG_NOSIGNAL suppresses are POSIX's")]
    public void Send_on_a_socket_that_is_not_connected_fails_with_EPIPE_and_raises_no_signal() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        FailedWith(NativeSocket.EPIPE, NativeSocket.Send(socket.Handle, new byte[] { 1 }, NativeSocket.MSG_NOSIGNAL));
    });

    [NotWineFact("Wine 8 receives and writes -1 as the length; Windows documents WSAEFAULT for a from buffer too small")]
    public void RecvFrom_with_a_too_small_address_room_truncates_the_address_and_gives_its_real_length() => Run(() =>
    {
        using var receiver = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        Loopback.AssertSucceeded(Loopback.BindV4(receiver.Handle), "BindAddr");
        using var sender = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        var to = SockAddrIn.Create(Native.INADDR_LOOPBACK, NativeSocket.GetSockName(receiver.Handle));
        byte data = 42;
        Assert.Equal(1, NativeSocket.SendTo(sender.Handle, &data, 1, 0, (SockAddr*)&to, sizeof(SockAddrIn)));

        var from = stackalloc byte[4];
        from[2] = 0xAB;
        SockLen room = 2;
        byte received = 0;
        if (OperatingSystem.IsWindows())
        {
            // Winsock refuses a from buffer too small for the address instead of cutting it.
            FailedWith(NativeSocket.EFAULT, NativeSocket.RecvFrom(receiver.Handle, &received, 1, 0, (SockAddr*)from, &room));
            Assert.Equal(0xAB, from[2]);
            return;
        }

        Assert.Equal(1, NativeSocket.RecvFrom(receiver.Handle, &received, 1, 0, (SockAddr*)from, &room));
        Assert.Equal(42, received);
        Assert.Equal((uint)sizeof(SockAddrIn), room.Value);
        Assert.Equal(0xAB, from[2]);
    });

    [Fact]
    public void A_buffer_smaller_than_the_data_takes_what_fits_and_leaves_the_rest() => Run(() =>
    {
        using var connected = Connected.Tcp();
        connected.PeerSends(1, 2, 3);
        var small = new byte[1];
        Assert.Equal(0, NativeSocket.Recv(connected.Native.Handle, Span<byte>.Empty));
        Assert.Equal(1, NativeSocket.Recv(connected.Native.Handle, small));
        Assert.Equal(1, small[0]);
        var rest = new byte[8];
        Assert.Equal(2, NativeSocket.Recv(connected.Native.Handle, rest));
        Assert.Equal(new byte[] { 2, 3 }, rest[..2]);
    });
}
