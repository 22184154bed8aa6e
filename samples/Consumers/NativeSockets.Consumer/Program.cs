using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using NativeSockets;
using NativeSockets.Consumers;

// The loopback tour against the NativeSockets package: a listener on 127.0.0.1 made and driven with
// NativeSockets, a System.Net client, and System.Net as the witness that each call did what it says.
// Exit code 0 when every step gave the expected result, 1 otherwise.
return new TourChecks().Run($"NativeSockets {typeof(NativeSocket).Assembly.GetName().Version} loopback tour", Tour);

static unsafe void Tour(TourChecks checks)
{
    var listener = NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP);
    checks.Check("CreateNativeSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", !listener.IsInvalid, listener);
    Port port;
    try
    {
        var address = SockAddrIn.Create(BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Loopback.GetAddressBytes()), new Port(0));
        var bound = NativeSocket.BindAddr(listener, (SockAddr*)&address, sizeof(SockAddrIn));
        checks.Check("BindAddr(127.0.0.1, port 0)", bound == 0, bound);

        var listening = NativeSocket.Listen(listener);
        checks.Check("Listen", listening == 0, listening);

        port = NativeSocket.GetSockName(listener);
        checks.Check("GetSockName", port != new Port(0), port);

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 5000 };
        client.Connect(IPAddress.Loopback, port);
        var (accepted, peer) = NativeSocket.Accept(listener);
        checks.Check("Accept", !accepted.IsInvalid && peer == "127.0.0.1", $"({accepted}, \"{peer}\")");

        // The accepted handle seen through System.Net (which does not own it): the client's other end.
        using (var server = new Socket(new SafeSocketHandle(accepted.Value, ownsHandle: false)))
        {
            checks.Check("the accepted socket's peer is the client", Equals(server.RemoteEndPoint, client.LocalEndPoint), server.RemoteEndPoint);
            client.Send("!"u8);
            var received = new byte[1];
            var count = server.Receive(received);
            checks.Check("a byte from the client arrives on it", count == 1 && received[0] == '!', count);
        }

        var readableBeforeClose = client.Poll(0, SelectMode.SelectRead);
        NativeSocket.Close(accepted);
        var endOfStream = client.Receive(new byte[1]) == 0;
        checks.Check("Close(accepted): the client sees the end of the stream", !readableBeforeClose && endOfStream, endOfStream);
    }
    finally
    {
        NativeSocket.Close(listener);
    }

    var refused = ConnectionProbe.IsRefused(port);
    checks.Check("Close(listener): a new connection is refused", refused, refused);
}
