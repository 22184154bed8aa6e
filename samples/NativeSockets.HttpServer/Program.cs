using System;
using System.Globalization;
using System.Runtime.InteropServices;
using NativeSockets;
using NativeSockets.HttpServer;
using NativeSockets.Selectors;

// usage: NativeSockets.HttpServer [PORT]   (default 8080; 0 picks a free port)
// Listens on 127.0.0.1, prints "listening on 127.0.0.1:PORT", serves until SIGTERM or SIGINT (Ctrl+C),
// then prints "requests: N", the requests it answered, and exits.
var port = args.Length > 0 ? ushort.Parse(args[0], CultureInfo.InvariantCulture) : (ushort)8080;
var listener = Listen(port);
Console.WriteLine($"listening on 127.0.0.1:{NativeSocket.GetSockName(listener)}");

using var selector = new Selector<Connection?>();
selector.RegisterHandle(listener, Event.Read, null);

// A signal arrives on another thread: the event wakes the loop, which then ends on its own thread.
using var stop = new SelectEvent();
selector.RegisterEvent(stop, null);
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Trigger(); });
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Trigger(); });

long answered = 0;
var ready = new ReadyKey[1024];
var running = true;
while (running)
{
    var count = selector.SelectInto(-1, ready);
    for (var i = 0; i < count; i++)
    {
        var key = ready[i];
        if ((key.Events & Event.User) != 0)
        {
            running = false;
        }
        else if (key.Fd == listener)
        {
            AcceptAll(selector, listener);
        }
        else if (selector.GetData(key.Fd) is { } connection && !connection.OnReady(selector, key.Events, ref answered))
        {
            selector.Unregister(connection.Socket);
            NativeSocket.Close(connection.Socket);
        }
    }
}

Console.WriteLine($"requests: {answered}");
return 0;

static unsafe SocketHandle Listen(ushort port)
{
    var listener = NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, inheritable: false, blocking: false);
    NativeSocket.SetSockOptInt(listener, NativeSocket.SOL_SOCKET, NativeSocket.SO_REUSEADDR, 1);
    var address = SockAddrIn.Create(0x7F000001, new Port(port));
    if (NativeSocket.BindAddr(listener, (SockAddr*)&address, sizeof(SockAddrIn)) != 0 || NativeSocket.Listen(listener, 4096) != 0)
    {
        throw OSErrorException.FromLastError($"bind/listen 127.0.0.1:{port}");
    }

    return listener;
}

// Accepts until the queue is empty: one readiness report may stand for many waiting connections.
static void AcceptAll(Selector<Connection?> selector, SocketHandle listener)
{
    while (true)
    {
        // Non-blocking and not inherited in one system call where the platform can (accept4).
        var client = NativeSocket.Accept(listener, out _, out _, inheritable: false, blocking: false);
        if (client.IsInvalid)
        {
            var error = NativeSocket.LastError;
            if (error == NativeSocket.EAGAIN || error == NativeSocket.ECONNABORTED)
            {
                return;
            }

            // Out of descriptors (EMFILE): leave the rest queued; the listener stays readable and the
            // loop comes back to it once a connection has closed.
            Console.Error.WriteLine(OSErrorException.FromErrorCode(error, "accept").Message);
            return;
        }

        NativeSocket.SetSockOptInt(client, NativeSocket.IPPROTO_TCP, NativeSocket.TCP_NODELAY, 1);
        selector.RegisterHandle(client, Event.Read, new Connection(client));
    }
}
