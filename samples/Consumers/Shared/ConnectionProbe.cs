using System.Net;
using System.Net.Sockets;

namespace NativeSockets.Consumers;

/// <summary>Tells from the outside whether anything still listens on a loopback port.</summary>
internal static class ConnectionProbe
{
    /// <summary>Whether a TCP connection to 127.0.0.1:<paramref name="port"/> is refused (nothing listens there).</summary>
    public static bool IsRefused(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }
}
