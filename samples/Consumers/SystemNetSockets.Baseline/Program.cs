using System.Net;
using System.Net.Sockets;
using NativeSockets.Consumers;

// The same loopback tour as NativeSockets.Consumer, step for step, written against System.Net.Sockets:
// the baseline its NativeAOT size and start-up time are compared with. Exit code 0 when every step gave
// the expected result, 1 otherwise.
return new TourChecks().Run("System.Net.Sockets loopback tour", Tour);

static void Tour(TourChecks checks)
{
    int port;
    using (var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
    {
        checks.Check("new Socket(InterNetwork, Stream, Tcp)", !listener.SafeHandle.IsInvalid, listener.Handle);

        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        checks.Check("Bind(127.0.0.1, port 0)", listener.IsBound, listener.LocalEndPoint);

        listener.Listen();
        port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        checks.Check("Listen, LocalEndPoint", port != 0, port);

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 5000 };
        client.Connect(IPAddress.Loopback, port);
        using var server = listener.Accept();
        var peer = (IPEndPoint)server.RemoteEndPoint!;
        checks.Check("Accept", peer.Address.Equals(IPAddress.Loopback), peer.Address);
        checks.Check("the accepted socket's peer is the client", Equals(peer, client.LocalEndPoint), peer);

        client.Send("!"u8);
        var received = new byte[1];
        var count = server.Receive(received);
        checks.Check("a byte from the client arrives on it", count == 1 && received[0] == '!', count);

        var readableBeforeClose = client.Poll(0, SelectMode.SelectRead);
        server.Close();
        var endOfStream = client.Receive(new byte[1]) == 0;
        checks.Check("Close(accepted): the client sees the end of the stream", !readableBeforeClose && endOfStream, endOfStream);
    }

    var refused = ConnectionProbe.IsRefused(port);
    checks.Check("Close(listener): a new connection is refused", refused, refused);
}
