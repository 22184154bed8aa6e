using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NativeSockets.HttpServer;

// usage: SystemNetSockets.HttpServer PORT   (0 picks a free port; prints "listening on 127.0.0.1:PORT";
// on SIGTERM or SIGINT prints "requests: N", the responses sent in full, and exits)
var port = args.Length == 1 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 0;
using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
listener.Listen(4096);
Console.WriteLine($"listening on {listener.LocalEndPoint}");

long requests = 0;
using var stop = new CancellationTokenSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });

_ = AcceptLoop();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
}

Console.WriteLine($"requests: {Interlocked.Read(ref requests)}");
return 0;

async Task AcceptLoop()
{
    while (true)
    {
        var client = await listener.AcceptAsync().ConfigureAwait(false);
        client.NoDelay = true;
        _ = Serve(client);
    }
}

async Task Serve(Socket client)
{
    var input = new byte[16384];
    var output = new byte[16384];
    var buffered = 0;
    try
    {
        while (true)
        {
            var received = await client.ReceiveAsync(input.AsMemory(buffered), SocketFlags.None).ConfigureAwait(false);
            if (received == 0)
            {
                return;
            }

            buffered += received;
            var used = 0;
            var written = 0;
            var close = false;
            int length;
            while (!close && (length = HttpRequests.NextRequest(input.AsSpan(used, buffered - used), out close)) > 0)
            {
                var responseLength = close ? HttpRequests.ClosingResponse.Length : HttpRequests.Response.Length;
                if (written + responseLength > output.Length)
                {
                    await client.SendAsync(output.AsMemory(0, written), SocketFlags.None).ConfigureAwait(false);
                    written = 0;
                }

                (close ? HttpRequests.ClosingResponse : HttpRequests.Response).CopyTo(output.AsSpan(written));
                written += responseLength;
                used += length;
                Interlocked.Increment(ref requests);
            }

            if (written > 0)
            {
                await client.SendAsync(output.AsMemory(0, written), SocketFlags.None).ConfigureAwait(false);
            }

            if (close)
            {
                client.Shutdown(SocketShutdown.Send);
                return;
            }

            input.AsSpan(used, buffered - used).CopyTo(input);
            buffered -= used;
            if (buffered == input.Length)
            {
                return; // a request larger than the buffer
            }
        }
    }
    catch (SocketException)
    {
    }
    finally
    {
        client.Dispose();
    }
}
