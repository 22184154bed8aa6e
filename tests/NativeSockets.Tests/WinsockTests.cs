using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using NativeSockets.Tests.Windows;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>What only Winsock does: its handles, its error numbers and messages, its structs' own layouts.</summary>
public unsafe class WinsockTests
{
    private const string WinsockOnly = "Winsock behaviour; POSIX has its own tests of the same calls";

    [WindowsFact(WinsockOnly)]
    public void A_non_blocking_listener_with_nothing_pending_reports_WSAEWOULDBLOCK_which_EAGAIN_names()
    {
        using var listener = Loopback.ListenV4();
        NativeSocket.SetBlocking(listener.Handle, false);

        var (client, address) = NativeSocket.Accept(listener.Handle);
        var error = NativeSocket.LastError;

        Assert.True(client.IsInvalid);
        Assert.Equal(string.Empty, address);
        Assert.Equal(NativeSocket.WSAEWOULDBLOCK, error);
        Assert.Equal(NativeSocket.EAGAIN, error);
        Assert.Equal(NativeSocket.EWOULDBLOCK, error);
    }

    [WindowsFact(WinsockOnly)]
    public void IoctlSocket_FIONBIO_makes_a_receive_with_nothing_to_read_fail_at_once()
    {
        using var pair = Connected.Tcp();
        uint nonBlocking = 1;
        Assert.Equal(0, NativeSocket.IoctlSocket(pair.Native.Handle, NativeSocket.FIONBIO, &nonBlocking));

        var buffer = new byte[1];
        Assert.Equal(-1, NativeSocket.Recv(pair.Native.Handle, buffer));
        Assert.Equal(NativeSocket.WSAEWOULDBLOCK, NativeSocket.LastError);
    }

    [WindowsFact(WinsockOnly)]
    public void SelectRead_waits_on_more_sockets_than_FD_SETSIZE_and_keeps_only_the_ready_ones()
    {
        // Winsock's select takes at most FD_SETSIZE (64) sockets and Nim's drops the rest; WSAPoll has no limit.
        var count = Native.FD_SETSIZE + 36;
        var sockets = Enumerable.Range(0, count).Select(_ => OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP)).ToList();
        try
        {
            foreach (var socket in sockets)
            {
                Loopback.AssertSucceeded(Loopback.BindV4(socket.Handle), "BindAddr(127.0.0.1:0)");
            }

            var ready = new[] { sockets[1], sockets[count - 2] };
            using var sender = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            foreach (var socket in ready)
            {
                sender.Send([1], new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(socket.Handle).Value));
            }

            var list = sockets.Select(s => s.Handle).ToList();
            Assert.Equal(2, NativeSocket.SelectRead(list, 5000));
            Assert.Equal(ready.Select(s => s.Handle).Order(Comparer<SocketHandle>.Create((a, b) => a.Value.CompareTo(b.Value))), list.Order(Comparer<SocketHandle>.Create((a, b) => a.Value.CompareTo(b.Value))));
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    [WindowsFact(WinsockOnly)]
    public void Sockets_are_not_inherited_unless_asked_and_SetInheritable_flips_the_handle_flag()
    {
        using var plain = OwnedSocket.Create();
        using var inherited = OwnedSocket.Create(inheritable: true);

        Assert.False(WindowsHandles.IsInheritable(plain.Handle));
        Assert.True(WindowsHandles.IsInheritable(inherited.Handle));

        Assert.True(NativeSocket.SetInheritable(plain.Handle, true));
        Assert.True(WindowsHandles.IsInheritable(plain.Handle));
        Assert.True(NativeSocket.SetInheritable(plain.Handle, false));
        Assert.False(WindowsHandles.IsInheritable(plain.Handle));
    }

    [WindowsFact(WinsockOnly)]
    public void An_accepted_socket_is_inherited_only_when_asked()
    {
        using var listener = Loopback.ListenV4(inheritable: true);
        var endPoint = new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle).Value);
        using var first = new TcpClient();
        first.Connect(endPoint);
        using var second = new TcpClient();
        second.Connect(endPoint);

        var (plain, _) = Loopback.AcceptPending(listener.Handle);
        var (inherited, _) = Loopback.AcceptPending(listener.Handle, inheritable: true);
        using (plain)
        using (inherited)
        {
            Assert.False(WindowsHandles.IsInheritable(plain.Handle));
            Assert.True(WindowsHandles.IsInheritable(inherited.Handle));
        }
    }

    [WindowsFact(WinsockOnly)]
    public void A_duplicate_taken_from_System_Net_is_a_separate_socket_that_is_not_inherited()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        var duplicate = NativeSocket.FromSafeSocketHandle(socket.SafeHandle, duplicate: true);
        try
        {
            Assert.NotEqual(socket.Handle, duplicate.Value);
            Assert.False(WindowsHandles.IsInheritable(duplicate));
            socket.Dispose();
            Assert.Equal((ushort)((IPEndPoint)new Socket(new SafeSocketHandle(duplicate.Value, ownsHandle: false)).LocalEndPoint!).Port, NativeSocket.GetSockName(duplicate).Value);
        }
        finally
        {
            NativeSocket.Close(duplicate);
        }
    }

    [WindowsFact(WinsockOnly)]
    public void A_handle_that_is_not_open_is_WSAENOTSOCK_with_the_systems_message()
    {
        // Not a socket closed here: Windows gives a closed handle's value to the next handle any thread
        // opens, and the tests running alongside open sockets all the time.
        var handle = Descriptors.ClosedHandle();

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetSockOptInt(handle, NativeSocket.SOL_SOCKET, NativeSocket.SO_TYPE));

        Assert.Equal(NativeSocket.WSAENOTSOCK, error.ErrorCode);
        Assert.Equal(OSErrorSpace.Winsock, error.Space);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(NativeSocket.WSAENOTSOCK), error.Message);
    }

    [WindowsFact(WinsockOnly)]
    public void A_refused_connection_is_ECONNREFUSED_which_is_Winsocks_number_with_the_systems_message()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var socket = OwnedSocket.Create();
        var address = SockAddrIn.Create(Native.INADDR_LOOPBACK, new Port((ushort)port));
        Assert.Equal(-1, NativeSocket.Connect(socket.Handle, (SockAddr*)&address, sizeof(SockAddrIn)));
        var exception = OSErrorException.FromLastError("connect");

        Assert.Equal((int)SocketError.ConnectionRefused, exception.ErrorCode);
        Assert.Equal(NativeSocket.ECONNREFUSED, exception.ErrorCode);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(exception.ErrorCode) + "\nAdditional info: connect", exception.Message);
    }

    [WindowsFact(WinsockOnly)]
    public void GetAddrInfo_reads_Winsocks_layout_where_ai_canonname_comes_before_ai_addr()
    {
        var list = NativeSocket.GetAddrInfo("localhost", new Port(8080));
        try
        {
            // Read with the POSIX layout, ai_addr would be the canonical name's pointer (null here) and
            // ai_addrlen would take in the padding.
            Assert.True(list->ai_addr is not null);
            Assert.Equal((uint)sizeof(SockAddrIn), list->ai_addrlen.Value);
            Assert.Equal("127.0.0.1", NativeSocket.GetAddrString(list->ai_addr));
            Assert.Equal(8080, NativeSocket.Ntohs(((SockAddrIn*)list->ai_addr)->sin_port));
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
        }
    }

    [WindowsFact(WinsockOnly)]
    public void Service_and_protocol_lookups_read_Winsocks_entries_including_ports_from_32768()
    {
        Assert.Equal(80, NativeSocket.GetServByName("http", "tcp").Port.Value);
        Assert.Equal("https", NativeSocket.GetServByPort(new Port(443), "tcp").Name);
        Assert.Equal(6, NativeSocket.GetProtoByName("tcp"));

        var missing = Assert.Throws<OSErrorException>(() => NativeSocket.GetServByName("no-such-service", "tcp"));
        Assert.Equal(0, missing.ErrorCode);
        Assert.Contains("Service not found: no-such-service/tcp.", missing.Message, StringComparison.Ordinal);
    }

    [WindowsFact(WinsockOnly)]
    public void Host_lookups_give_both_families_and_Winsocks_host_errors_with_the_systems_message()
    {
        Assert.Contains("127.0.0.1", NativeSocket.GetHostByName("localhost").AddrList);
        var ipv6 = NativeSocket.GetHostByName("::1");
        Assert.Equal(Domain.AF_INET6, ipv6.AddrType);
        Assert.Equal(["::1"], ipv6.AddrList);

        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetHostByName(Unresolvable.Name));
        Assert.Equal(OSErrorSpace.Resolver, error.Space);
        Assert.Equal(Native.WSAHOST_NOT_FOUND, error.ErrorCode);
        Assert.StartsWith(Marshal.GetPInvokeErrorMessage(error.ErrorCode), error.Message, StringComparison.Ordinal);
    }

    [PosixFact("ioctlsocket is Winsock's call")]
    public void IoctlSocket_is_Windows_only_and_says_so()
    {
        using var socket = OwnedSocket.Create();
        var nonBlocking = (uint*)NativeMemory.Alloc(sizeof(uint));
        try
        {
            *nonBlocking = 1;
            var error = Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.IoctlSocket(socket.Handle, NativeSocket.FIONBIO, nonBlocking));
            Assert.Contains("ioctlsocket", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            NativeMemory.Free(nonBlocking);
        }
    }
}
