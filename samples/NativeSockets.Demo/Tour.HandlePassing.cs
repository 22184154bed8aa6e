using System;
using System.Net;
using System.Net.Sockets;

namespace NativeSockets.Demo;

internal sealed partial class Tour
{
    /// <summary>A listener handed across a SocketPair with SendHandles, and a connection accepted through the copy.</summary>
    private void PassingHandles()
    {
        if (OperatingSystem.IsWindows())
        {
            Info("SocketPair()", "Windows has no socketpair and cannot pass handles over a socket (PlatformNotSupportedException)");
            return;
        }

        var (first, second) = NativeSocket.SocketPair();
        Own(first);
        Own(second);
        Check("SocketPair()", $"({first}, {second})", !first.IsInvalid && !second.IsInvalid, "two handles");

        var listener = Own(NativeSocket.CreateNativeSocket());
        var address = SockAddrIn.Create(0x7F000001, (Port)0);
        unsafe
        {
            Check("  CreateNativeSocket(); BindAddr(127.0.0.1:0); Listen", listener, NativeSocket.BindAddr(listener, (SockAddr*)&address, sizeof(SockAddrIn)) == 0 && NativeSocket.Listen(listener) == 0, "a listener");
        }

        var port = NativeSocket.GetSockName(listener);
        var sent = NativeSocket.SendHandles(first, "L"u8, [listener]);
        CheckEqual($"SendHandles(first, \"L\", [listener {listener} on port {port}])", sent, (nint)1);
        CloseOwned(listener);

        var handles = new SocketHandle[1];
        var data = new byte[1];
        var received = NativeSocket.RecvHandles(second, data, handles, out var count);
        Own(count == 1 ? handles[0] : NativeSocket.OsInvalidSocket);
        CheckEqual("  RecvHandles(second, data, handles, out count): bytes, count", (received, count), ((nint)1, 1));
        CheckEqual($"  GetSockName(received {handles[0]}), the sender's copy closed", NativeSocket.GetSockName(handles[0]), port, "the listener's port");

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(IPAddress.Loopback, port.Value);
        var (accepted, peer) = NativeSocket.Accept(handles[0]);
        Own(accepted);
        CheckEqual("  Accept(received) from a System.Net client", peer, "127.0.0.1", "System.Net's client address");
        CloseOwned(accepted);
        CloseOwned(handles[0]);
        CloseOwned(first);
        CloseOwned(second);
    }
}
