using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public class CreateNativeSocketTests
{
    [Fact]
    public void Defaults_make_an_IPv4_TCP_stream()
    {
        using var socket = new OwnedSocket(NativeSocket.CreateNativeSocket());
        Assert.False(socket.Handle.IsInvalid, $"errno {Marshal.GetLastPInvokeError()}");
        using var view = socket.View();

        Assert.Equal(AddressFamily.InterNetwork, view.AddressFamily);
        Assert.Equal(SocketType.Stream, view.SocketType);
        Assert.Equal(ProtocolType.Tcp, view.ProtocolType);
    }

    [Theory]
    [InlineData(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)]
    [InlineData(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP, AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP, AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp)]
    [InlineData(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE, AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)]
    [InlineData(Domain.AF_UNIX, SockType.SOCK_DGRAM, Protocol.IPPROTO_NONE, AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified)]
    public void Enum_overload_makes_the_socket_asked_for(
        Domain domain, SockType sockType, Protocol protocol, AddressFamily family, SocketType type, ProtocolType protocolType)
    {
        using var socket = OwnedSocket.Create(domain, sockType, protocol);
        using var view = socket.View();

        Assert.Equal(family, view.AddressFamily);
        Assert.Equal(type, view.SocketType);
        Assert.Equal(protocolType, view.ProtocolType);
    }

    [Theory]
    [InlineData(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, AddressFamily.InterNetwork, SocketType.Stream)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP, AddressFamily.InterNetworkV6, SocketType.Dgram)]
    [InlineData(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE, AddressFamily.Unix, SocketType.Stream)]
    public void Int_overload_makes_the_socket_asked_for(Domain domain, SockType sockType, Protocol protocol, AddressFamily family, SocketType type)
    {
        RunningPlatform.SkipWhereUnsupported(domain, sockType);
        using var socket = new OwnedSocket(NativeSocket.CreateNativeSocket(NativeSocket.ToInt(domain), NativeSocket.ToInt(sockType), NativeSocket.ToInt(protocol)));
        Assert.False(socket.Handle.IsInvalid, $"errno {Marshal.GetLastPInvokeError()}");
        using var view = socket.View();

        Assert.Equal(family, view.AddressFamily);
        Assert.Equal(type, view.SocketType);
    }

    [Fact]
    public void Each_call_makes_a_distinct_socket()
    {
        using var first = OwnedSocket.Create();
        using var second = OwnedSocket.Create();

        Assert.NotEqual(first.Handle, second.Handle);
    }

    [Fact]
    public void Failure_returns_OsInvalidSocket_with_the_errno_instead_of_throwing()
    {
        // Without AF_UNIX (Wine 8.0) the family is refused before the protocol is looked at.
        RunningPlatform.SkipWhereUnsupported(Domain.AF_UNIX, SockType.SOCK_STREAM);
        Marshal.SetLastPInvokeError(0);
        var handle = NativeSocket.CreateNativeSocket(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP);
        var errno = Marshal.GetLastPInvokeError();
        using var socket = new OwnedSocket(handle);

        Assert.Equal(NativeSocket.OsInvalidSocket, handle);
        Assert.True(handle.IsInvalid);
        Assert.Equal(NativeSocket.EPROTONOSUPPORT, errno);

        // System.Net makes the same mistake and gets the same errno.
        var refused = Assert.Throws<SocketException>(() => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Tcp));
        Assert.Equal(errno, refused.NativeErrorCode);
    }

    [Fact]
    public void Int_overload_failure_returns_OsInvalidSocket_with_the_errno()
    {
        Marshal.SetLastPInvokeError(0);
        var handle = NativeSocket.CreateNativeSocket(
            NativeSocket.ToInt(Domain.AF_INET), NativeSocket.ToInt(SockType.SOCK_STREAM), NativeSocket.ToInt(Protocol.IPPROTO_UDP));
        var errno = Marshal.GetLastPInvokeError();
        using var socket = new OwnedSocket(handle);

        Assert.Equal(NativeSocket.OsInvalidSocket, handle);
        Assert.Equal(NativeSocket.EPROTONOSUPPORT, errno);
    }

    [Fact]
    public void Int_overload_failure_for_an_unknown_family_gives_EAFNOSUPPORT()
    {
        var handle = NativeSocket.CreateNativeSocket(-1, NativeSocket.ToInt(SockType.SOCK_STREAM), 0);
        var errno = Marshal.GetLastPInvokeError();
        using var socket = new OwnedSocket(handle);

        Assert.Equal(NativeSocket.OsInvalidSocket, handle);
        Assert.Equal(NativeSocket.EAFNOSUPPORT, errno);
    }

    [Fact]
    public void Enum_arguments_outside_their_enum_throw_naming_the_argument()
    {
        var domain = Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.CreateNativeSocket((Domain)42));
        var sockType = Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.CreateNativeSocket(Domain.AF_INET, (SockType)42));
        var protocol = Assert.Throws<ArgumentOutOfRangeException>(() => NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_STREAM, (Protocol)42));

        Assert.Equal("domain", domain.ParamName);
        Assert.Equal("sockType", sockType.ParamName);
        Assert.Equal("protocol", protocol.ParamName);
    }
}
