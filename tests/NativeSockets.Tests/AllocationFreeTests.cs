using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>The overloads that allocate nothing: Accept into a caller's SockAddrStorage, GetAddrInfo and TryGetServByName over UTF-8, SelectRead.</summary>
public unsafe class AllocationFreeTests
{
    [Fact]
    public void Accept_into_storage_gives_the_peer_address_and_allocates_nothing()
    {
        using var listener = Loopback.ListenV4();
        var endPoint = new IPEndPoint(IPAddress.Loopback, NativeSocket.GetSockName(listener.Handle));
        using var warmUp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        warmUp.Connect(endPoint);
        NativeSocket.Close(NativeSocket.Accept(listener.Handle, out _, out _));
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        peer.Connect(endPoint);
        Loopback.WaitForPendingConnection(listener.Handle);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var client = NativeSocket.Accept(listener.Handle, out var address, out var length);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        try
        {
            Assert.False(client.IsInvalid);
            Assert.Equal(0, allocated);
            Assert.Equal(peer.LocalEndPoint, NativeSocket.ToIPEndPoint((SockAddr*)&address, length));
            Assert.True(Descriptors.IsCloseOnExec(client));
        }
        finally
        {
            NativeSocket.Close(client);
        }
    }

    [Fact]
    public void Accept_into_storage_reports_failure_like_Accept()
    {
        using var listener = Loopback.ListenV4();
        Descriptors.SetNonBlocking(listener.Handle);

        var client = NativeSocket.Accept(listener.Handle, out _, out var length);

        Assert.True(client.IsInvalid);
        Assert.Equal(NativeSocket.EAGAIN, System.Runtime.InteropServices.Marshal.GetLastPInvokeError());
        Assert.Equal(0u, length.Value);
    }

    [Fact]
    public void GetAddrInfo_over_UTF8_resolves_like_the_string_overload_and_allocates_nothing()
    {
        NativeSocket.FreeAddrInfo(NativeSocket.GetAddrInfo("127.0.0.1"u8, new Port(8080)));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var list = NativeSocket.GetAddrInfo("127.0.0.1"u8, new Port(8080));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        try
        {
            Assert.Equal(0, allocated);
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8080), NativeSocket.ToIPEndPoint(list->ai_addr, list->ai_addrlen));
            Assert.Equal(NativeSocket.ToInt(SockType.SOCK_STREAM), list->ai_socktype);
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
        }
    }

    [Fact]
    public void GetAddrInfo_over_UTF8_keeps_Nims_raw_socket_rule()
    {
        var list = NativeSocket.GetAddrInfo("127.0.0.1"u8, new Port(8080), Domain.AF_INET, SockType.SOCK_RAW, Protocol.IPPROTO_ICMP);
        try
        {
            Assert.Equal(0, NativeSocket.ToIPEndPoint(list->ai_addr, list->ai_addrlen).Port);
        }
        finally
        {
            NativeSocket.FreeAddrInfo(list);
        }
    }

    [Fact]
    public void GetAddrInfo_over_UTF8_rejects_a_NUL_byte_and_an_overlong_address()
    {
        var nul = Assert.Throws<ArgumentException>(() => NativeSocket.GetAddrInfo("127.0.0.1\0x"u8, new Port(80)));
        Assert.Equal("address", nul.ParamName);

        var tooLong = new byte[NativeSocket.MaxUtf8HostLength + 1];
        tooLong.AsSpan().Fill((byte)'a');
        var overlong = Assert.Throws<ArgumentException>(() => NativeSocket.GetAddrInfo(tooLong, new Port(80)));
        Assert.Equal("address", overlong.ParamName);
    }

    [Fact]
    public void GetAddrInfo_over_UTF8_reports_an_unknown_name_with_its_EAI_code_and_the_name()
    {
        var error = Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo(System.Text.Encoding.UTF8.GetBytes(Unresolvable.Name), new Port(80)));

        Assert.Equal(OSErrorSpace.AddrInfo, error.Space);
        Assert.Equal(Native.EAI_NONAME, error.ErrorCode);
        Assert.Contains(Unresolvable.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectRead_over_2000_handles_allocates_nothing_once_warm()
    {
        using var pair = Connected.Tcp();
        var idle = Enumerable.Range(0, 1999).Select(_ => OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP)).ToList();
        try
        {
            pair.PeerSends(1);
            var all = idle.Select(s => s.Handle).Prepend(pair.Native.Handle).ToList();
            var handles = new List<SocketHandle>(all.Count);
            handles.AddRange(all);
            Assert.Equal(1, NativeSocket.SelectRead(handles, 0));

            var before = GC.GetAllocatedBytesForCurrentThread();
            var counts = 0;
            for (var i = 0; i < 10; i++)
            {
                handles.Clear();
                handles.AddRange(all);
                counts += NativeSocket.SelectRead(handles, 0);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(10, counts);
            Assert.Equal(0, allocated);
            Assert.Equal(new[] { pair.Native.Handle }, handles);
        }
        finally
        {
            idle.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void TryGetServByName_over_UTF8_allocates_nothing()
    {
        Assert.True(NativeSocket.TryGetServByName("http"u8, "tcp"u8, out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = NativeSocket.TryGetServByName("http"u8, "tcp"u8, out var port);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(found);
        Assert.Equal(0, allocated);
        Assert.Equal(ServicesFile.Find("http", "tcp").Port, port.Value);
    }
}
