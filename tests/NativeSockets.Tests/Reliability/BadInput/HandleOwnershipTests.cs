using System;
using System.Net.Sockets;
using NativeSockets.Tests.Support;
using Xunit;
using static NativeSockets.Tests.Reliability.BadInput.BadInputCase;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>
/// The calls that hand a socket to an owner or take one from it: ToSafeSocketHandle,
/// FromSafeSocketHandle (NativeSocket.SafeSocketHandles.cs) and OwnedSocketHandle.
/// </summary>
[Collection(nameof(RunsAlone))]
public class HandleOwnershipTests
{
    [Fact]
    public void OsInvalidSocket_cannot_be_given_an_owner() => Run(() =>
    {
        foreach (var owns in BothWays)
        {
            ThrowsFor<ArgumentException>("socket", () => NativeSocket.ToSafeSocketHandle(NativeSocket.OsInvalidSocket, owns));
        }

        ThrowsFor<ArgumentException>("socket", () => _ = new OwnedSocketHandle(NativeSocket.OsInvalidSocket));
    });

    [Fact]
    public void FromSafeSocketHandle_refuses_null_and_closed_wrappers() => Run(() =>
    {
        foreach (var duplicate in BothWays)
        {
            ThrowsFor<ArgumentNullException>("handle", () => NativeSocket.FromSafeSocketHandle(null!, duplicate));
            var wrapper = NativeSocket.ToSafeSocketHandle(OwnedSocket.Create().Release(), ownsHandle: true);
            wrapper.Dispose();
            Assert.Throws<ObjectDisposedException>(() => NativeSocket.FromSafeSocketHandle(wrapper, duplicate));
            using var invalid = new SafeSocketHandle(-1, ownsHandle: false);
            Assert.Throws<ObjectDisposedException>(() => NativeSocket.FromSafeSocketHandle(invalid, duplicate));
        }
    });

    [Fact]
    public void Duplicating_a_wrapper_around_a_closed_descriptor_throws_EBADF() => Run(() =>
    {
        using var wrapper = NativeSocket.ToSafeSocketHandle(Descriptors.ClosedHandle(), ownsHandle: false);
        var exception = Assert.Throws<OSErrorException>(() => NativeSocket.FromSafeSocketHandle(wrapper, duplicate: true));
        Assert.Equal(PlatformErrors.NotOpen, exception.ErrorCode);
    });
}
