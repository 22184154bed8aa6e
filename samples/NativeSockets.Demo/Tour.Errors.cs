using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace NativeSockets.Demo;

internal sealed partial class Tour
{
    private void ClosedHandle()
    {
        // Every call on a closed handle fails with the errno close() itself gives for it (EBADF).
        var socket = Own(NativeSocket.CreateNativeSocket());
        CloseOwned(socket);
        Info($"Close(handle {socket})", "done");

        NativeSocket.Close(socket);
        var closedErrno = Marshal.GetLastPInvokeError();
        Check($"Close(handle {socket}) again: no exception; Marshal.GetLastPInvokeError()", Errno(closedErrno), closedErrno != 0, "an errno");

        var (client, address) = NativeSocket.Accept(socket);
        var errno = Marshal.GetLastPInvokeError();
        Own(client);
        CheckEqual($"Accept(handle {socket})", $"({Show(client)}, {Quote(address)})", $"({Show(NativeSocket.OsInvalidSocket)}, {Quote(string.Empty)})");
        CheckEqual("  Marshal.GetLastPInvokeError()", Errno(errno), Errno(closedErrno));

        var inheritable = NativeSocket.SetInheritable(socket, true);
        errno = Marshal.GetLastPInvokeError();
        CheckEqual($"SetInheritable(handle {socket}, true)", inheritable, false);
        CheckEqual("  Marshal.GetLastPInvokeError()", Errno(errno), Errno(closedErrno));

        try
        {
            var port = NativeSocket.GetSockName(socket);
            Check($"GetSockName(handle {socket})", port, false, "OSErrorException");
        }
        catch (OSErrorException e)
        {
            Check($"GetSockName(handle {socket})", $"OSErrorException {Quote(e.Message)}", true, "OSErrorException");
            CheckEqual("  .ErrorCode", Errno(e.ErrorCode), Errno(closedErrno));
            CheckEqual("  .Space", e.Space, OSErrorSpace.Errno);
            CheckEqual("  .Message", Quote(e.Message), Quote(Marshal.GetPInvokeErrorMessage(closedErrno)), "Marshal.GetPInvokeErrorMessage");
            CheckEqual("  .AdditionalInfo", Quote(e.AdditionalInfo), Quote(null));
        }
    }

    private void ErrorMessages()
    {
        var code = Oracles.ErrnoOf(() =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        });
        var text = Marshal.GetPInvokeErrorMessage(code);

        var plain = new OSErrorException(code, OSErrorSpace.Errno);
        CheckEqual($"new OSErrorException({code}, Errno).Message", Quote(plain.Message), Quote(text), "Marshal.GetPInvokeErrorMessage");

        var withInfo = new OSErrorException(code, OSErrorSpace.Errno, "binding twice");
        CheckEqual($"new OSErrorException({code}, Errno, \"binding twice\").Message", Quote(withInfo.Message), Quote(text + "\nAdditional info: binding twice"));
        CheckEqual("  .AdditionalInfo", Quote(withInfo.AdditionalInfo), Quote("binding twice"));

        CheckEqual("new OSErrorException(0, Errno, \"only info\").Message", Quote(new OSErrorException(0, OSErrorSpace.Errno, "only info").Message), Quote("Additional info: only info"));
        CheckEqual("new OSErrorException(0, Errno).Message", Quote(new OSErrorException(0, OSErrorSpace.Errno).Message), Quote("unknown OS error"));
        CheckEqual("new OSErrorException(1, None).Message", Quote(new OSErrorException(1, OSErrorSpace.None).Message), Quote("unknown OS error"));
    }
}
