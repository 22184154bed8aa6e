using System;
using System.IO;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>
/// The calls that throw OSErrorException for a native failure: GetSockDomain, GetSockName,
/// GetLocalAddr, GetPeerAddr, GetSockOptInt, SetSockOptInt and SetBlocking
/// (NativeSocket.SockDomain.cs, Names.cs, LocalPeerAddr.cs, SocketOptions.cs, Blocking.cs).
/// </summary>
[Collection(nameof(RunsAlone))]
public class SocketQueryTests
{
    [Theory]
    [MemberData(nameof(BadHandles.All), MemberType = typeof(BadHandles))]
    public void Socket_queries_on_a_bad_handle_throw_the_errno(BadHandle kind)
    {
        SkipFileHandleUnderWine(kind);
        Run(() =>
        {
            using var bad = BadHandles.Open(kind);
            var socket = bad.Handle;
            var errno = bad.SocketErrno;
            AssertErrno(errno, () => NativeSocket.GetSockDomain(socket));
            AssertErrno(errno, () => NativeSocket.GetSockName(socket));
            AssertErrno(errno, () => NativeSocket.GetLocalAddr(socket));
            AssertErrno(errno, () => NativeSocket.GetLocalAddr(socket, Domain.AF_INET));
            AssertErrno(errno, () => NativeSocket.GetPeerAddr(socket));
            AssertErrno(errno, () => NativeSocket.GetPeerAddr(socket, Domain.AF_INET));
            AssertErrno(errno, () => NativeSocket.GetSockOptInt(socket, NativeSocket.SOL_SOCKET, NativeSocket.SO_TYPE));
            AssertErrno(errno, () => NativeSocket.SetSockOptInt(socket, NativeSocket.SOL_SOCKET, NativeSocket.SO_REUSEADDR, 1));
        });
    }

    [Theory]
    [MemberData(nameof(BadHandles.NotOpen), MemberType = typeof(BadHandles))]
    public void SetBlocking_on_a_handle_that_is_not_open_throws_EBADF(BadHandle kind) => Run(() =>
    {
        using var bad = BadHandles.Open(kind);
        AssertErrno(PlatformErrors.NotOpen, () => NativeSocket.SetBlocking(bad.Handle, true));
        AssertErrno(PlatformErrors.NotOpen, () => NativeSocket.SetBlocking(bad.Handle, false));
    });

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void An_option_the_level_does_not_know_throws_ENOPROTOOPT(int optname) => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        AssertErrno(NativeSocket.ENOPROTOOPT, () => NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, optname));
        AssertErrno(NativeSocket.ENOPROTOOPT, () => NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, optname, 1));
    });

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_level_the_socket_does_not_have_throws_the_kernels_error(int level) => Run(() =>
    {
        using var socket = OwnedSocket.Create();

        // Winsock documents WSAEINVAL for a level it does not know, when reading and when setting.
        var windows = OperatingSystem.IsWindows();
        AssertErrno(windows ? NativeSocket.EINVAL : NativeSocket.EOPNOTSUPP, () => NativeSocket.GetSockOptInt(socket.Handle, level, NativeSocket.SO_TYPE));
        AssertErrno(windows ? NativeSocket.EINVAL : NativeSocket.ENOPROTOOPT, () => NativeSocket.SetSockOptInt(socket.Handle, level, NativeSocket.SO_TYPE, 1));
    });

    [PosixFact("Winsock's linger is two u_shorts and its SO_RCVTIMEO a DWORD: both int-sized")]
    public void Options_whose_value_is_larger_than_an_int_are_refused_when_set_and_cut_when_read() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        AssertErrno(NativeSocket.EINVAL, () => NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_LINGER, 1));
        AssertErrno(NativeSocket.EINVAL, () => NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVTIMEO, 1));

        // Reading gives the struct's first int (l_onoff), cut to the int the call has room for.
        Assert.Equal(0, NativeSocket.GetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_LINGER));
    });

    [Fact]
    public void Setting_a_read_only_option_throws_ENOPROTOOPT() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        AssertErrno(NativeSocket.ENOPROTOOPT, () => NativeSocket.SetSockOptInt(socket.Handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_TYPE, 1));
    });

    [Theory]
    [InlineData(Domain.AF_UNSPEC, typeof(ArgumentException))]
    [InlineData(Domain.AF_INET6, typeof(ArgumentException))]
    [InlineData(Domain.AF_UNIX, typeof(ArgumentException))]
    [InlineData((Domain)(-1), typeof(ArgumentOutOfRangeException))]
    [InlineData((Domain)42, typeof(ArgumentOutOfRangeException))]
    public void A_domain_that_is_not_the_sockets_family_throws_naming_domain(Domain domain, Type exception) => Run(() =>
    {
        using var connected = Connected.Tcp();
        foreach (var call in new Action[]
        {
            () => NativeSocket.GetLocalAddr(connected.Native.Handle, domain),
            () => NativeSocket.GetPeerAddr(connected.Native.Handle, domain),
        })
        {
            var thrown = Assert.Throws(exception, call);
            Assert.Equal("domain", ((ArgumentException)thrown).ParamName);
        }
    });

    [Fact]
    public void Families_without_a_port_or_a_name_throw_IOException_with_the_family() => Run(() =>
    {
        using var unix = OwnedSocket.Create(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE);
        using var netlink = Netlink.Create();
        Assert.Throws<IOException>(() => NativeSocket.GetSockName(unix.Handle));
        var family = Netlink.Family.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(family, Assert.Throws<IOException>(() => NativeSocket.GetSockDomain(netlink.Handle)).Message);
        Assert.Contains(family, Assert.Throws<IOException>(() => NativeSocket.GetLocalAddr(netlink.Handle)).Message);
        Assert.Contains(family, Assert.Throws<ArgumentException>(() => NativeSocket.GetLocalAddr(netlink.Handle, Domain.AF_INET)).Message);
    });

    [Fact]
    public void GetPeerAddr_of_a_socket_that_is_not_connected_throws_ENOTCONN() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        AssertErrno(NativeSocket.ENOTCONN, () => NativeSocket.GetPeerAddr(socket.Handle));
    });

    [PosixFact("sets O_NONBLOCK with fcntl on a descriptor that is not a socket; ioctlsocket takes sockets only")]
    public void SetBlocking_works_on_any_open_descriptor_as_fcntl_does() => Run(() =>
    {
        using var bad = BadHandles.Open(BadHandle.NotASocket);
        NativeSocket.SetBlocking(bad.Handle, false);
        Assert.NotEqual(0, Native.fcntl((int)bad.Handle.Value, Native.F_GETFL, 0) & Native.O_NONBLOCK);
        NativeSocket.SetBlocking(bad.Handle, true);
        Assert.Equal(0, Native.fcntl((int)bad.Handle.Value, Native.F_GETFL, 0) & Native.O_NONBLOCK);
    });

    private static void AssertErrno(int errno, Action call)
    {
        var exception = Assert.Throws<OSErrorException>(call);
        Assert.Equal(errno, exception.ErrorCode);
        Assert.Equal(PlatformErrors.Space, exception.Space);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(errno), exception.Message.Split('\n')[0]);
    }
}
