using System;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>CreateNativeSocket, Close and SetInheritable (NativeSocket.Lifetime.cs) given what names no socket.</summary>
[Collection(nameof(RunsAlone))]
public class LifetimeTests
{
    public static TheoryData<int, int, int> BadNumbers => new()
    {
        { -1, NativeSocket.ToInt(SockType.SOCK_STREAM), 0 },
        { int.MaxValue, NativeSocket.ToInt(SockType.SOCK_STREAM), 0 },
        { NativeSocket.ToInt(Domain.AF_INET), -1, 0 },
        { NativeSocket.ToInt(Domain.AF_INET), int.MaxValue, 0 },
        { NativeSocket.ToInt(Domain.AF_INET), NativeSocket.ToInt(SockType.SOCK_STREAM), -1 },
        { NativeSocket.ToInt(Domain.AF_INET), NativeSocket.ToInt(SockType.SOCK_STREAM), NativeSocket.ToInt(Protocol.IPPROTO_UDP) },
    };

    [Theory]
    [MemberData(nameof(BadNumbers))]
    public void CreateNativeSocket_with_numbers_the_system_rejects_returns_OsInvalidSocket_with_the_error(int domain, int sockType, int protocol) => Run(() =>
    {
        foreach (var inheritable in BothWays)
        {
            AssertRejected(NativeSocket.CreateNativeSocket(domain, sockType, protocol, inheritable));
            foreach (var blocking in BothWays)
            {
                AssertRejected(NativeSocket.CreateNativeSocket(domain, sockType, protocol, inheritable, blocking));
            }
        }

        static void AssertRejected(SocketHandle socket)
        {
            var errno = NativeSocket.LastError;
            Assert.True(socket.IsInvalid);
            Assert.Contains(errno, new[] { NativeSocket.EAFNOSUPPORT, NativeSocket.EINVAL, NativeSocket.EPROTONOSUPPORT, NativeSocket.ESOCKTNOSUPPORT, NativeSocket.EPROTOTYPE });
        }
    });

    [Theory]
    [InlineData(-1, 0, 0, "domain")]
    [InlineData(0, 99, 0, "sockType")]
    [InlineData(0, 1, int.MinValue, "protocol")]
    public void CreateNativeSocket_with_a_value_outside_its_enum_throws_naming_it(int domain, int sockType, int protocol, string argument) => Run(() =>
    {
        ThrowsFor<ArgumentOutOfRangeException>(argument, () => NativeSocket.CreateNativeSocket((Domain)domain, (SockType)sockType, (Protocol)protocol));
        ThrowsFor<ArgumentOutOfRangeException>(argument, () => NativeSocket.CreateNativeSocket((Domain)domain, (SockType)sockType, (Protocol)protocol, inheritable: false, blocking: false));
    });

    [Theory]
    [MemberData(nameof(BadHandles.All), MemberType = typeof(BadHandles))]
    public void Close_of_a_bad_handle_never_throws_and_closes_nothing_else(BadHandle kind) => Run(() =>
    {
        using var bad = BadHandles.Open(kind);
        NativeSocket.Close(bad.Handle);
        if (kind != BadHandle.NotASocket)
        {
            Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
        }

        bad.AssertNothingElseClosed();
    });

    [Fact]
    public void Closing_twice_fails_the_second_time_with_EBADF() => Run(() =>
    {
        var socket = Descriptors.CreateHigh().Release();
        NativeSocket.Close(socket);
        NativeSocket.Close(socket);
        Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
    });

    [Theory]
    [MemberData(nameof(BadHandles.NotOpen), MemberType = typeof(BadHandles))]
    public void SetInheritable_of_a_handle_that_is_not_open_returns_false_with_EBADF(BadHandle kind)
    {
        // On Windows -1 and -2 are the pseudo-handles of the current process and thread; Wine 8 answers
        // ERROR_ACCESS_DENIED for them, which no Windows documentation states.
        Assert.SkipWhen(RunningPlatform.IsWine && kind is BadHandle.Invalid or BadHandle.Negative, "Wine 8 answers ERROR_ACCESS_DENIED for the pseudo-handles -1 and -2");
        Run(() =>
        {
            using var bad = BadHandles.Open(kind);
            foreach (var inheritable in BothWays)
            {
                Assert.False(NativeSocket.SetInheritable(bad.Handle, inheritable));
                Assert.Equal(PlatformErrors.NotOpenHandle, NativeSocket.LastError);
            }
        });
    }

    [Fact]
    public void SetInheritable_works_on_any_open_descriptor_as_fcntl_does() => Run(() =>
    {
        using var bad = BadHandles.Open(BadHandle.NotASocket);
        Assert.True(NativeSocket.SetInheritable(bad.Handle, true));
        Assert.False(Descriptors.IsCloseOnExec(bad.Handle));
        Assert.True(NativeSocket.SetInheritable(bad.Handle, false));
        Assert.True(Descriptors.IsCloseOnExec(bad.Handle));
    });

    [PosixFact("ioctlsocket is Winsock's")]
    public unsafe void IoctlSocket_outside_Windows_throws_PlatformNotSupportedException() => Run(() =>
    {
        using var socket = OwnedSocket.Create();
        uint on = 1;
        var argument = (nint)(&on);
        Assert.Contains("ioctlsocket", Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.IoctlSocket(socket.Handle, NativeSocket.FIONBIO, (uint*)argument)).Message, StringComparison.Ordinal);
    });
}
