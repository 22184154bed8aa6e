using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// C's <c>struct msghdr</c> for <see cref="NativeSocket.SendMsg"/> and <see cref="NativeSocket.RecvMsg"/>:
/// the peer's address, the buffers (<see cref="IoVec"/>) and the control data (<see cref="CmsgHdr"/>
/// messages), in the running platform's layout (glibc's counts are <c>size_t</c>, musl's and the BSDs'
/// <c>int</c> or <c>socklen_t</c>; the properties know each). Large enough for every platform's; start
/// from <c>default</c> so the fields a call does not set are zero. POSIX only: Windows has no
/// <c>msghdr</c> (its <c>WSAMSG</c> is another structure).
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 56)]
public unsafe struct MsgHdr
{
    private fixed ulong _words[7];

    /// <summary>The peer's address: where <c>sendmsg</c> sends, where <c>recvmsg</c> writes the sender's (null for none).</summary>
    public void* msg_name
    {
        readonly get
        {
            var copy = this;
            return new Native.msghdr(&copy).msg_name;
        }

        set
        {
            fixed (MsgHdr* self = &this)
            {
                new Native.msghdr(self).msg_name = value;
            }
        }
    }

    /// <summary>The room at (in) or the length of (out) <see cref="msg_name"/>.</summary>
    public SockLen msg_namelen
    {
        readonly get
        {
            var copy = this;
            return new Native.msghdr(&copy).msg_namelen;
        }

        set
        {
            fixed (MsgHdr* self = &this)
            {
                new Native.msghdr(self).msg_namelen = value.Value;
            }
        }
    }

    /// <summary>The array of <see cref="msg_iovlen"/> buffers the data is gathered from or scattered into.</summary>
    public IoVec* msg_iov
    {
        readonly get
        {
            var copy = this;
            return (IoVec*)new Native.msghdr(&copy).msg_iov;
        }

        set
        {
            fixed (MsgHdr* self = &this)
            {
                new Native.msghdr(self).msg_iov = value;
            }
        }
    }

    /// <summary>The number of buffers at <see cref="msg_iov"/>.</summary>
    public nint msg_iovlen
    {
        readonly get
        {
            var copy = this;
            return new Native.msghdr(&copy).msg_iovlen;
        }

        set
        {
            fixed (MsgHdr* self = &this)
            {
                new Native.msghdr(self).msg_iovlen = value;
            }
        }
    }

    /// <summary>The control data: a buffer of <see cref="CmsgHdr"/> messages, each <see cref="NativeSocket.CmsgSpace"/> bytes long.</summary>
    public void* msg_control
    {
        readonly get
        {
            var copy = this;
            return new Native.msghdr(&copy).msg_control;
        }

        set
        {
            fixed (MsgHdr* self = &this)
            {
                new Native.msghdr(self).msg_control = value;
            }
        }
    }

    /// <summary>The length of (send), or the room at (receive, in) and the length used (receive, out), <see cref="msg_control"/>.</summary>
    public nuint msg_controllen
    {
        readonly get
        {
            var copy = this;
            return new Native.msghdr(&copy).msg_controllen;
        }

        set
        {
            fixed (MsgHdr* self = &this)
            {
                new Native.msghdr(self).msg_controllen = value;
            }
        }
    }

    /// <summary>What <c>recvmsg</c> reports of the message (native numbers: <see cref="NativeSocket.MSG_CTRUNC"/>, <see cref="NativeSocket.MSG_TRUNC"/>...).</summary>
    public int msg_flags
    {
        readonly get
        {
            var copy = this;
            return new Native.msghdr(&copy).msg_flags;
        }

        set
        {
            fixed (MsgHdr* self = &this)
            {
                new Native.msghdr(self).msg_flags = value;
            }
        }
    }
}
