using System.Runtime.InteropServices;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>A socket of a family the Domain enum does not name: an unbound Linux netlink socket, which never touches a network.</summary>
internal static class Netlink
{
    /// <summary>AF_NETLINK from linux/netlink.h; the library itself never needs it, so the definitions do not carry it.</summary>
    public const int Family = 16;

    public static OwnedSocket Create()
    {
        var handle = NativeSocket.CreateNativeSocket(Family, NativeSocket.ToInt(SockType.SOCK_RAW), 0);
        var errno = Marshal.GetLastPInvokeError();
        Assert.False(handle.IsInvalid, $"socket(AF_NETLINK) failed: errno {errno}");
        return new OwnedSocket(handle);
    }
}
