using System.Net;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>BindAddr and Listen (NativeSocket.Listening.cs): -1 and errno for every bad handle, address and length.</summary>
[Collection(nameof(RunsAlone))]
public unsafe class ListeningTests
{
    [Theory]
    [MemberData(nameof(BadHandles.All), MemberType = typeof(BadHandles))]
    public void BindAddr_and_Listen_on_a_bad_handle_return_minus_1(BadHandle kind)
    {
        SkipFileHandleUnderWine(kind);
        Run(() =>
        {
            using var bad = BadHandles.Open(kind);
            var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, default);
            FailedWith(bad.SocketErrno, NativeSocket.BindAddr(bad.Handle, (SockAddr*)&address, sizeof(SockAddrIn)));
            FailedWith(bad.SocketErrno, NativeSocket.Listen(bad.Handle));
            FailedWith(bad.SocketErrno, NativeSocket.Listen(bad.Handle, -1));
        });
    }

    [Fact]
    public void BindAddr_with_a_null_address_fails_with_EFAULT() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        FailedWith(NativeSocket.EFAULT, NativeSocket.BindAddr(socket.Handle, null, sizeof(SockAddrIn)));
    });

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(15)]
    public void BindAddr_with_a_length_too_small_for_the_address_fails_with_EINVAL(int length) => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, default);
        FailedWith(PlatformErrors.ShortAddress, NativeSocket.BindAddr(socket.Handle, (SockAddr*)&address, length));
        Assert.Equal(0, NativeSocket.GetSockName(socket.Handle).Value);
    });

    [NotWineFact("Wine 8 answers WSAEOPNOTSUPP; Windows documents WSAEAFNOSUPPORT for an address of another family")]
    public void BindAddr_of_an_IPv6_address_to_an_IPv4_socket_fails_with_EAFNOSUPPORT() => Run(() =>
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET);
        var address = SockAddrIn6.Create(new In6Addr(IPAddress.IPv6Loopback.GetAddressBytes()), default);
        FailedWith(NativeSocket.EAFNOSUPPORT, NativeSocket.BindAddr(socket.Handle, (SockAddr*)&address, sizeof(SockAddrIn6)));
    });

    [Fact]
    public void BindAddr_of_an_IPv4_address_to_an_IPv6_socket_fails_with_EINVAL() => Run(() =>
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET6);
        var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, default);
        FailedWith(NativeSocket.EINVAL, NativeSocket.BindAddr(socket.Handle, (SockAddr*)&address, sizeof(SockAddrIn)));
    });

    [NotWineFact("Wine 8 answers WSAEINVAL; Windows documents WSAEOPNOTSUPP for a socket type that cannot listen")]
    public void Listen_on_a_datagram_socket_fails_with_EOPNOTSUPP() => Run(() =>
    {
        using var socket = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        FailedWith(NativeSocket.EOPNOTSUPP, NativeSocket.Listen(socket.Handle));
    });

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Listen_passes_any_backlog_to_the_system_which_clamps_it(int backlog) => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr");
        Assert.Equal(0, NativeSocket.Listen(socket.Handle, backlog));
        Assert.Equal(1, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_ACCEPTCONN));
    });
}
