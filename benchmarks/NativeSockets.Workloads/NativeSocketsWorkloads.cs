using System;

namespace NativeSockets.Workloads;

/// <summary>W1-W7 through the NativeSockets API.</summary>
internal static class NativeSocketsWorkloads
{
    public static void SocketClose(long n)
    {
        for (long i = 0; i < n; i++)
        {
            var socket = NativeSocket.CreateNativeSocket();
            if (socket.IsInvalid)
            {
                throw new InvalidOperationException("CreateNativeSocket failed.");
            }

            NativeSocket.Close(socket);
        }
    }

    public static unsafe void GetAddrInfo(long n)
    {
        var port = new Port(80);
        for (long i = 0; i < n; i++)
        {
            NativeSocket.FreeAddrInfo(NativeSocket.GetAddrInfo("127.0.0.1", port));
        }
    }

    public static void GetServByName(long n)
    {
        for (long i = 0; i < n; i++)
        {
            _ = NativeSocket.GetServByName("http", "tcp");
        }
    }
}
