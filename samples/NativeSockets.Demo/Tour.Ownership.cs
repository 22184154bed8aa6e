using System;

namespace NativeSockets.Demo;

internal sealed partial class Tour
{
    private void OwningSockets()
    {
        var owned = new OwnedSocketHandle(NativeSocket.CreateNativeSocket());
        var number = owned.Socket;
        CheckEqual($"new OwnedSocketHandle(CreateNativeSocket()); GetSockDomain(owned.Socket = {number})", NativeSocket.GetSockDomain(owned.Socket), Domain.AF_INET);

        owned.Dispose();
        var error = ErrorCodeOf(() => NativeSocket.GetSockDomain(number));
        CheckEqual($"  owned.Dispose(); GetSockDomain(handle {number})", Errno(error), Errno(NativeSocket.EBADF), "the owner closed it");

        var successor = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP));
        owned.Dispose();
        CheckEqual(
            $"  CreateNativeSocket(AF_INET6, ...) = {successor}; owned.Dispose() again; GetSockDomain(handle {successor})",
            NativeSocket.GetSockDomain(successor),
            Domain.AF_INET6,
            successor == number ? "the number was given out again, and the second dispose left the new socket alone" : "the second dispose closed nothing");
        CloseOwned(successor);

        var refused = string.Empty;
        try
        {
            _ = owned.Socket;
        }
        catch (ObjectDisposedException e)
        {
            refused = e.GetType().Name;
        }

        CheckEqual("  owned.Socket after Dispose", refused, nameof(ObjectDisposedException));
    }

    /// <summary>The code of the OSErrorException <paramref name="call"/> throws, or 0 if it throws none.</summary>
    private static int ErrorCodeOf(Action call)
    {
        try
        {
            call();
            return 0;
        }
        catch (OSErrorException e)
        {
            return e.ErrorCode;
        }
    }
}
