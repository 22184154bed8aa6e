using System;
using System.Collections.Generic;
using NativeSockets;
using NativeSockets.Consumers;

// The loopback tour on NativeSockets alone: a listener and a client, both made and driven with
// NativeSockets, and NativeSockets' own calls as the checks. No System.Net type is used, so a NativeAOT
// publish of this program holds what NativeSockets costs and nothing of System.Net.Sockets.
// Exit code 0 when every step gave the expected result, 1 otherwise.
return new TourChecks().Run($"NativeSockets {typeof(NativeSocket).Assembly.GetName().Version} loopback tour, NativeSockets only", Tour);

static unsafe void Tour(TourChecks checks)
{
    const uint Loopback = 0x7F000001; // 127.0.0.1
    var listener = NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP);
    checks.Check("CreateNativeSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", !listener.IsInvalid, listener);
    SockAddrIn address;
    try
    {
        address = SockAddrIn.Create(Loopback, new Port(0));
        var bound = NativeSocket.BindAddr(listener, (SockAddr*)&address, sizeof(SockAddrIn));
        checks.Check("BindAddr(127.0.0.1, port 0)", bound == 0, bound);

        var listening = NativeSocket.Listen(listener);
        checks.Check("Listen", listening == 0, listening);

        var port = NativeSocket.GetSockName(listener);
        checks.Check("GetSockName", port != new Port(0), port);
        address = SockAddrIn.Create(Loopback, port);

        var client = NativeSocket.CreateNativeSocket();
        try
        {
            var connected = NativeSocket.Connect(client, (SockAddr*)&address, sizeof(SockAddrIn));
            checks.Check("Connect(127.0.0.1, that port)", connected == 0, connected);

            var ready = new List<SocketHandle> { listener };
            var pending = NativeSocket.SelectRead(ready, 5000);
            checks.Check("SelectRead: the listener has a pending connection", pending == 1 && ready.Count == 1, pending);

            var (accepted, peer) = NativeSocket.Accept(listener);
            checks.Check("Accept", !accepted.IsInvalid && peer == "127.0.0.1", $"({accepted}, \"{peer}\")");
            try
            {
                var sent = NativeSocket.Send(client, "!"u8);
                Span<byte> received = stackalloc byte[1];
                var count = NativeSocket.Recv(accepted, received);
                checks.Check("a byte sent by the client arrives on the accepted socket", sent == 1 && count == 1 && received[0] == '!', count);
            }
            finally
            {
                NativeSocket.Close(accepted);
            }

            var endOfStream = NativeSocket.Recv(client, stackalloc byte[1]);
            checks.Check("Close(accepted): the client sees the end of the stream", endOfStream == 0, endOfStream);
        }
        finally
        {
            NativeSocket.Close(client);
        }
    }
    finally
    {
        NativeSocket.Close(listener);
    }

    var late = NativeSocket.CreateNativeSocket();
    var result = NativeSocket.Connect(late, (SockAddr*)&address, sizeof(SockAddrIn));
    var error = NativeSocket.LastError;
    NativeSocket.Close(late);
    checks.Check("Close(listener): a new connection is refused", result == -1 && error == NativeSocket.ECONNREFUSED, error);
}
