using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NativeSockets.Demo;

/// <summary>Independent opinions: System.Net on the same descriptor, System.Net making the same mistake, a child process.</summary>
internal static unsafe class Oracles
{
    /// <summary>A System.Net socket over the same descriptor; disposing it leaves the descriptor open.</summary>
    public static Socket View(SocketHandle handle) => new(new SafeSocketHandle(handle.Value, ownsHandle: false));

    /// <summary>How System.Net describes the socket: family, type and protocol.</summary>
    public static string Describe(SocketHandle handle)
    {
        using var view = View(handle);
        return $"{view.AddressFamily}/{view.SocketType}/{view.ProtocolType}";
    }

    /// <summary>
    /// The errno System.Net gets when it does the same thing: its SocketException carries the native code
    /// (translated through SocketError, so only for errors with a SocketError of their own).
    /// </summary>
    public static int ErrnoOf(Action sameMistake)
    {
        try
        {
            sameMistake();
        }
        catch (SocketException e)
        {
            return e.NativeErrorCode;
        }

        throw new InvalidOperationException("System.Net did not fail where it was expected to.");
    }

    /// <summary>The error System.Net reports when it does the same thing.</summary>
    public static SocketError ErrorOf(Action sameMistake)
    {
        try
        {
            sameMistake();
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }

        return SocketError.Success;
    }

    /// <summary>Whether a shell started now has the descriptor open: the real meaning of "inheritable".</summary>
    public static bool ChildProcessSees(SocketHandle handle)
    {
        var fd = handle.Value.ToString(CultureInfo.InvariantCulture);
        using var child = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"[ -e /dev/fd/{fd} ]"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("/bin/sh did not start");
        if (!child.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            child.Kill();
            throw new TimeoutException("/bin/sh did not finish");
        }

        return child.ExitCode == 0;
    }

    /// <summary>
    /// The native address System.Net builds for an endpoint (on POSIX it serializes to the platform's own
    /// <c>sockaddr</c> bytes), copied into a <see cref="SockAddrStorage"/> for <see cref="NativeSocket.BindAddr"/>.
    /// </summary>
    public static SockAddrStorage ToStorage(EndPoint endPoint, out SockLen length)
    {
        var serialized = endPoint.Serialize();
        SockAddrStorage storage = default;
        serialized.Buffer.Span[..serialized.Size].CopyTo(new Span<byte>(&storage, sizeof(SockAddrStorage)));
        length = serialized.Size;
        return storage;
    }

    /// <summary>The native family number System.Net writes into an address of <paramref name="family"/>.</summary>
    public static int NativeFamilyOf(AddressFamily family)
    {
        var serialized = new SocketAddress(family);
        SockAddr head = default;
        serialized.Buffer.Span[..sizeof(SockAddr)].CopyTo(new Span<byte>(&head, sizeof(SockAddr)));
        return head.sa_family;
    }

    /// <summary>Waits (boundedly) for a connection to be pending, so that Accept cannot hang the tour.</summary>
    public static bool ConnectionPending(SocketHandle listener)
    {
        using var view = View(listener);
        return view.Poll(TimeSpan.FromSeconds(10), SelectMode.SelectRead);
    }
}
