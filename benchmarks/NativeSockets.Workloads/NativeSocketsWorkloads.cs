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
}
