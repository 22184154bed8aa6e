using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

// sendmsg and recvmsg: C's calls over a MsgHdr, and the common use of their control data, passing
// descriptors over an AF_UNIX socket (SCM_RIGHTS), without building the control messages by hand.
public static unsafe partial class NativeSocket
{
    // Control data for this many descriptors is kept on the stack; more is allocated.
    private const int StackControlBytes = 512;

    /// <summary>
    /// C's <c>sendmsg</c>: sends the data of <paramref name="message"/>'s buffers, with its control data
    /// and to its address if it has them. Returns the number of bytes sent, or -1 with the error in
    /// <see cref="LastError"/> (<see cref="EFAULT"/> for a null <paramref name="message"/>); never throws for a
    /// native failure. Pass <see cref="MSG_NOSIGNAL"/> to get <see cref="EPIPE"/> rather than a signal when
    /// the peer has gone.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Windows, which has no <c>sendmsg</c> (its <c>WSASendMsg</c> takes another structure).</exception>
    public static nint SendMsg(SocketHandle socket, MsgHdr* message, int flags)
    {
        ThrowIfWindows(nameof(SendMsg), "sendmsg");
        return message is null ? Faulted() : Native.sendmsg(socket.FileDescriptor, message, flags);
    }

    /// <summary>
    /// C's <c>recvmsg</c>: receives into <paramref name="message"/>'s buffers, and its control data and the
    /// sender's address where it has room for them; <see cref="MsgHdr.msg_controllen"/>,
    /// <see cref="MsgHdr.msg_namelen"/> and <see cref="MsgHdr.msg_flags"/> come back set. Returns the number
    /// of bytes received (0 when the peer has closed an ordered stream), or -1 with the error in
    /// <see cref="LastError"/>; never throws for a native failure. Descriptors received in
    /// <see cref="SCM_RIGHTS"/> messages are the caller's to close, and are inherited by child processes
    /// unless <see cref="MSG_CMSG_CLOEXEC"/> is passed (where the platform has it); when
    /// <see cref="MSG_CTRUNC"/> comes back, those that did not fit were discarded.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Windows, which has no <c>recvmsg</c>.</exception>
    public static nint RecvMsg(SocketHandle socket, MsgHdr* message, int flags)
    {
        ThrowIfWindows(nameof(RecvMsg), "recvmsg");
        return message is null ? Faulted() : Native.recvmsg(socket.FileDescriptor, message, flags);
    }

    /// <summary>
    /// Sends <paramref name="data"/> with <paramref name="handles"/> attached (one <see cref="SCM_RIGHTS"/>
    /// message) over a connected AF_UNIX socket: the receiver gets its own descriptors for the same open
    /// sockets or files (<see cref="RecvHandles"/>), and the sender keeps and still closes its own. Send
    /// at least one byte: a stream delivers the handles with the data. Returns the number of bytes sent,
    /// or -1 with the error in <see cref="LastError"/> (EBADF for a handle that is not open, EINVAL for
    /// more handles than the system passes at once, 253 on Linux); never throws for a native failure.
    /// Allocates nothing for up to 100 handles.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handles"/> is longer than any control message can be.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows, which cannot pass handles over a socket (use <c>WSADuplicateSocket</c>, see <see cref="FromSafeSocketHandle"/>).</exception>
    public static nint SendHandles(SocketHandle socket, ReadOnlySpan<byte> data, ReadOnlySpan<SocketHandle> handles, int flags = 0)
    {
        ThrowIfWindows(nameof(SendHandles), "SCM_RIGHTS");
        var controlLength = handles.IsEmpty ? 0 : CmsgSpace(DescriptorBytes(handles.Length, nameof(handles)));
        Span<ulong> stack = stackalloc ulong[StackControlBytes / sizeof(ulong)];
        var control = controlLength <= StackControlBytes ? stack : new ulong[(controlLength + sizeof(ulong) - 1) / sizeof(ulong)];
        control.Clear();
        fixed (byte* bytes = data)
        fixed (ulong* buffer = control)
        {
            IoVec vector = default;
            vector.iov_base = bytes;
            vector.iov_len = (nuint)data.Length;
            MsgHdr message = default;
            message.msg_iov = &vector;
            message.msg_iovlen = 1;
            if (!handles.IsEmpty)
            {
                message.msg_control = buffer;
                message.msg_controllen = (nuint)controlLength;
                var header = (CmsgHdr*)buffer;
                header->cmsg_len = (nuint)CmsgLen(handles.Length * sizeof(int));
                header->cmsg_level = Native.SOL_SOCKET;
                header->cmsg_type = Native.SCM_RIGHTS;
                var descriptors = (int*)CmsgData(header);
                for (var i = 0; i < handles.Length; i++)
                {
                    descriptors[i] = handles[i].FileDescriptor;
                }
            }

            return Native.sendmsg(socket.FileDescriptor, &message, flags);
        }
    }

    /// <summary>
    /// Receives data into <paramref name="data"/> and the handles sent with it (<see cref="SendHandles"/>)
    /// into <paramref name="handles"/>, which sets how many it has room for. Returns the number of bytes
    /// received (0 when the peer has closed a stream) with <paramref name="handleCount"/> handles stored,
    /// each the caller's to close; or -1 with the error in <see cref="LastError"/>, with no handle stored and
    /// none left open. Received handles are not inherited by child processes unless
    /// <paramref name="inheritable"/> (atomically with <see cref="MSG_CMSG_CLOEXEC"/> on Linux and FreeBSD;
    /// on macOS <c>FD_CLOEXEC</c> right after). When more handles arrived than <paramref name="handles"/>
    /// holds (the system reports <see cref="MSG_CTRUNC"/>), the handles that did arrive are closed and the
    /// result is -1 with <see cref="EMSGSIZE"/>: the message's data was consumed all the same, so a stream
    /// is then out of step. Allocates nothing for up to 100 handles.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handles"/> is longer than any control message can be.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows, which cannot pass handles over a socket.</exception>
    public static nint RecvHandles(SocketHandle socket, Span<byte> data, Span<SocketHandle> handles, out int handleCount, int flags = 0, bool inheritable = false)
    {
        handleCount = 0;
        ThrowIfWindows(nameof(RecvHandles), "SCM_RIGHTS");
        var controlLength = handles.IsEmpty ? 0 : CmsgSpace(DescriptorBytes(handles.Length, nameof(handles)));
        Span<ulong> stack = stackalloc ulong[StackControlBytes / sizeof(ulong)];
        var control = controlLength <= StackControlBytes ? stack : new ulong[(controlLength + sizeof(ulong) - 1) / sizeof(ulong)];
        if (!inheritable && Native.Defined.MSG_CMSG_CLOEXEC)
        {
            flags |= Native.MSG_CMSG_CLOEXEC;
        }

        fixed (byte* bytes = data)
        fixed (ulong* buffer = control)
        {
            IoVec vector = default;
            vector.iov_base = bytes;
            vector.iov_len = (nuint)data.Length;
            MsgHdr message = default;
            message.msg_iov = &vector;
            message.msg_iovlen = 1;
            message.msg_control = controlLength == 0 ? null : buffer;
            message.msg_controllen = (nuint)controlLength;
            var received = Native.recvmsg(socket.FileDescriptor, &message, flags);
            if (received < 0)
            {
                return -1;
            }

            var count = TakeDescriptors(&message, handles, out var overflowed);
            var error = overflowed || (message.msg_flags & Native.MSG_CTRUNC) != 0 ? EMSGSIZE : 0;
            for (var i = 0; i < count && error == 0 && !inheritable && !Native.Defined.MSG_CMSG_CLOEXEC; i++)
            {
                error = SetInheritable(handles[i], inheritable: false) ? 0 : Marshal.GetLastPInvokeError();
            }

            if (error != 0)
            {
                CloseAll(handles[..count]);
                Marshal.SetLastPInvokeError(error);
                return -1;
            }

            handleCount = count;
            return received;
        }
    }

    /// <summary>
    /// Copies the descriptors of every <see cref="SCM_RIGHTS"/> message into <paramref name="handles"/> and
    /// returns how many; any that do not fit are closed at once, and <paramref name="overflowed"/> says so.
    /// </summary>
    private static int TakeDescriptors(MsgHdr* message, Span<SocketHandle> handles, out bool overflowed)
    {
        overflowed = false;
        var count = 0;
        for (var header = CmsgFirstHdr(message); header is not null; header = CmsgNextHdr(message, header))
        {
            if (header->cmsg_level != Native.SOL_SOCKET || header->cmsg_type != Native.SCM_RIGHTS || header->cmsg_len < (nuint)CmsgDataOffset)
            {
                continue;
            }

            var descriptors = (int*)CmsgData(header);
            var arrived = (int)((header->cmsg_len - (nuint)CmsgDataOffset) / sizeof(int));
            for (var i = 0; i < arrived; i++)
            {
                var descriptor = new SocketHandle(descriptors[i]);
                if (count < handles.Length)
                {
                    handles[count++] = descriptor;
                }
                else
                {
                    Close(descriptor);
                    overflowed = true;
                }
            }
        }

        return count;
    }

    /// <summary>Closes each handle and leaves <see cref="OsInvalidSocket"/> in its place.</summary>
    private static void CloseAll(Span<SocketHandle> handles)
    {
        foreach (ref var handle in handles)
        {
            Close(handle);
            handle = OsInvalidSocket;
        }
    }

    /// <summary>The data length of an SCM_RIGHTS message for <paramref name="count"/> descriptors, refused when no message can be that long.</summary>
    private static int DescriptorBytes(int count, string argumentName) =>
        count <= (int.MaxValue - StackControlBytes) / sizeof(int)
            ? count * sizeof(int)
            : throw new ArgumentOutOfRangeException(argumentName, count, "Too many handles for one control message.");
}
