using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>The raw SendMsg and RecvMsg over MsgHdr, IoVec and CmsgHdr, and the CMSG_* macros.</summary>
public unsafe class MessageTests
{
    [PosixFact("Windows has no sendmsg/recvmsg")]
    public void SendMsg_gathers_buffers_and_RecvMsg_scatters_them()
    {
        var (first, second) = SocketPairTests.Pair();
        using (first)
        using (second)
        {
            byte* head = stackalloc byte[] { 1, 2 };
            byte* tail = stackalloc byte[] { 3, 4, 5 };
            var vectors = stackalloc IoVec[2];
            vectors[0].iov_base = head;
            vectors[0].iov_len = 2;
            vectors[1].iov_base = tail;
            vectors[1].iov_len = 3;
            MsgHdr message = default;
            message.msg_iov = vectors;
            message.msg_iovlen = 2;
            Assert.Equal(5, NativeSocket.SendMsg(first.Handle, &message, 0));

            byte* one = stackalloc byte[1];
            byte* rest = stackalloc byte[8];
            vectors[0].iov_base = one;
            vectors[0].iov_len = 1;
            vectors[1].iov_base = rest;
            vectors[1].iov_len = 8;
            MsgHdr received = default;
            received.msg_iov = vectors;
            received.msg_iovlen = 2;
            Assert.Equal(5, NativeSocket.RecvMsg(second.Handle, &received, 0));
            Assert.Equal(1, one[0]);
            Assert.Equal(new byte[] { 2, 3, 4, 5 }, new ReadOnlySpan<byte>(rest, 4).ToArray());
            Assert.Equal(0, received.msg_flags);
            Assert.Equal(2, received.msg_iovlen);
        }
    }

    [PosixFact("Windows has no sendmsg/recvmsg")]
    public void A_descriptor_sent_with_hand_built_control_data_arrives_as_the_kernel_lays_it_out()
    {
        var (first, second) = SocketPairTests.Pair();
        using (first)
        using (second)
        using (var passed = OwnedSocket.Create(Domain.AF_INET6))
        {
            byte data = 9;
            var vector = new IoVec { iov_base = &data, iov_len = 1 };
            var control = stackalloc ulong[8];
            MsgHdr message = default;
            message.msg_iov = &vector;
            message.msg_iovlen = 1;
            message.msg_control = control;
            message.msg_controllen = (nuint)NativeSocket.CmsgSpace(sizeof(int));
            var header = NativeSocket.CmsgFirstHdr(&message);
            Assert.True(header == (CmsgHdr*)control);
            header->cmsg_level = NativeSocket.SOL_SOCKET;
            header->cmsg_type = NativeSocket.SCM_RIGHTS;
            header->cmsg_len = (nuint)NativeSocket.CmsgLen(sizeof(int));
            *(int*)NativeSocket.CmsgData(header) = (int)passed.Handle.Value;
            Assert.Equal(1, NativeSocket.SendMsg(first.Handle, &message, 0));

            new Span<ulong>(control, 8).Clear();
            data = 0;
            MsgHdr received = default;
            received.msg_iov = &vector;
            received.msg_iovlen = 1;
            received.msg_control = control;
            received.msg_controllen = 64;
            var closeOnExec = Native.Defined.MSG_CMSG_CLOEXEC ? NativeSocket.MSG_CMSG_CLOEXEC : 0;
            Assert.Equal(1, NativeSocket.RecvMsg(second.Handle, &received, closeOnExec));
            Assert.Equal(9, data);
            Assert.Equal(0, received.msg_flags & NativeSocket.MSG_CTRUNC);

            // The kernel writes one message of CMSG_LEN(4) bytes and reports CMSG_SPACE(4) of control data used.
            var arrived = NativeSocket.CmsgFirstHdr(&received);
            Assert.True(arrived is not null);
            Assert.Equal((nuint)NativeSocket.CmsgLen(sizeof(int)), arrived->cmsg_len);
            Assert.Equal((nuint)NativeSocket.CmsgSpace(sizeof(int)), received.msg_controllen);
            Assert.Equal(NativeSocket.SOL_SOCKET, arrived->cmsg_level);
            Assert.Equal(NativeSocket.SCM_RIGHTS, arrived->cmsg_type);
            Assert.True(NativeSocket.CmsgNextHdr(&received, arrived) is null);
            using var handle = new OwnedSocket(new SocketHandle(*(int*)NativeSocket.CmsgData(arrived)));
            Assert.Equal(Domain.AF_INET6, NativeSocket.GetSockDomain(handle.Handle));
            Assert.Equal(closeOnExec != 0, Descriptors.IsCloseOnExec(handle.Handle));
        }
    }

    [PosixFact("Windows has no control messages of this form")]
    public void The_CMSG_sizes_follow_the_platforms_header_and_alignment()
    {
        var alignment = (int)(Native.CMSG_SPACE_4 - Native.CMSG_LEN_0);
        Assert.True(alignment >= 4 && (alignment & (alignment - 1)) == 0, $"alignment {alignment}");
        Assert.Equal((int)Native.CMSG_LEN_0, NativeSocket.CmsgLen(0));
        Assert.Equal((int)Native.CMSG_LEN_0, NativeSocket.CmsgSpace(0));
        Assert.Equal((int)Native.CMSG_SPACE_4, NativeSocket.CmsgSpace(4));
        Assert.True(NativeSocket.CmsgLen(0) >= Native.cmsghdr.Size);
        Assert.Equal(0, NativeSocket.CmsgLen(0) % alignment);
        for (var length = 0; length <= 64; length++)
        {
            var space = NativeSocket.CmsgSpace(length);
            Assert.Equal(NativeSocket.CmsgLen(0) + length, NativeSocket.CmsgLen(length));
            Assert.Equal(0, space % alignment);
            Assert.InRange(space - NativeSocket.CmsgLen(0), length, length + alignment - 1);
        }

        CmsgHdr header = default;
        Assert.Equal(NativeSocket.CmsgLen(0), (int)(NativeSocket.CmsgData(&header) - (byte*)&header));
    }

    [PosixFact("Windows has no control messages of this form")]
    public void CmsgNextHdr_walks_a_buffer_and_stops_at_its_end_or_at_a_bad_length()
    {
        var space = NativeSocket.CmsgSpace(sizeof(int));
        var buffer = stackalloc ulong[32];
        MsgHdr message = default;
        message.msg_control = buffer;
        message.msg_controllen = (nuint)(2 * space);
        var first = NativeSocket.CmsgFirstHdr(&message);
        first->cmsg_len = (nuint)NativeSocket.CmsgLen(sizeof(int));
        var second = NativeSocket.CmsgNextHdr(&message, first);
        Assert.True(second == (CmsgHdr*)((byte*)buffer + space));
        second->cmsg_len = (nuint)NativeSocket.CmsgLen(sizeof(int));
        Assert.True(NativeSocket.CmsgNextHdr(&message, second) is null);
        Assert.True(NativeSocket.CmsgNextHdr(&message, null) == first);

        // A length shorter than a header, or running past the buffer, ends the walk.
        first->cmsg_len = 0;
        Assert.True(NativeSocket.CmsgNextHdr(&message, first) is null);
        first->cmsg_len = (nuint)(3 * space);
        Assert.True(NativeSocket.CmsgNextHdr(&message, first) is null);
        first->cmsg_len = (nuint)NativeSocket.CmsgLen(sizeof(int));
        second->cmsg_len = (nuint)(2 * space);
        Assert.True(NativeSocket.CmsgNextHdr(&message, first) is null);

        // Control data too short for one header has none.
        message.msg_controllen = (nuint)Native.cmsghdr.Size - 1;
        Assert.True(NativeSocket.CmsgFirstHdr(&message) is null);
        message.msg_control = null;
        message.msg_controllen = (nuint)space;
        Assert.True(NativeSocket.CmsgFirstHdr(&message) is null);
    }

    [PosixFact("Windows has no msghdr")]
    public void The_MsgHdr_fields_are_where_the_platform_puts_them()
    {
        MsgHdr message = default;
        var view = new Native.msghdr(&message);
        message.msg_namelen = 7;
        message.msg_iovlen = 3;
        message.msg_controllen = 11;
        message.msg_flags = 5;
        Assert.Equal(7u, view.msg_namelen);
        Assert.Equal(3, view.msg_iovlen);
        Assert.Equal((nuint)11, view.msg_controllen);
        Assert.Equal(5, view.msg_flags);
        Assert.True(sizeof(MsgHdr) >= Native.msghdr.Size);
        Assert.True(sizeof(IoVec) >= Native.iovec.Size);
        Assert.True(sizeof(CmsgHdr) >= Native.cmsghdr.Size);
    }

    [WindowsFact("Windows has no sendmsg/recvmsg: the calls say so")]
    public void On_Windows_the_message_calls_are_not_supported()
    {
        using var socket = OwnedSocket.Create();
        var message = (nint)NativeMemory.AllocZeroed((nuint)sizeof(MsgHdr));
        try
        {
            Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.SendMsg(socket.Handle, (MsgHdr*)message, 0));
            Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.RecvMsg(socket.Handle, (MsgHdr*)message, 0));
            Assert.Throws<PlatformNotSupportedException>(() => NativeSocket.CmsgSpace(4));
            Assert.Throws<PlatformNotSupportedException>(() => (nint)NativeSocket.CmsgFirstHdr((MsgHdr*)message));
        }
        finally
        {
            NativeMemory.Free((void*)message);
        }
    }
}
