using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// C's <c>struct cmsghdr</c>: the header of one control message inside <see cref="MsgHdr.msg_control"/>,
/// in the running platform's layout (glibc's <c>cmsg_len</c> is a <c>size_t</c>, the others' a
/// <c>socklen_t</c>; the header is 16 bytes on Linux and 12 on macOS and FreeBSD). Reach the headers of
/// a buffer with <see cref="NativeSocket.CmsgFirstHdr"/> and <see cref="NativeSocket.CmsgNextHdr"/>, their
/// data with <see cref="NativeSocket.CmsgData"/>, and size buffers with <see cref="NativeSocket.CmsgSpace"/>,
/// never with <c>sizeof(CmsgHdr)</c>: the properties read and write the platform's header in place, and
/// nothing past it. POSIX only.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public unsafe struct CmsgHdr
{
    private fixed ulong _words[2];

    /// <summary>The message's length: the header and its data, <see cref="NativeSocket.CmsgLen"/> of the data's length.</summary>
    public nuint cmsg_len
    {
        get
        {
            fixed (CmsgHdr* self = &this)
            {
                return new Native.cmsghdr(self).cmsg_len;
            }
        }

        set
        {
            fixed (CmsgHdr* self = &this)
            {
                new Native.cmsghdr(self).cmsg_len = value;
            }
        }
    }

    /// <summary>The protocol level (native number: <see cref="NativeSocket.SOL_SOCKET"/> for <see cref="NativeSocket.SCM_RIGHTS"/>).</summary>
    public int cmsg_level
    {
        get
        {
            fixed (CmsgHdr* self = &this)
            {
                return new Native.cmsghdr(self).cmsg_level;
            }
        }

        set
        {
            fixed (CmsgHdr* self = &this)
            {
                new Native.cmsghdr(self).cmsg_level = value;
            }
        }
    }

    /// <summary>The message's type at its level (native number, e.g. <see cref="NativeSocket.SCM_RIGHTS"/>).</summary>
    public int cmsg_type
    {
        get
        {
            fixed (CmsgHdr* self = &this)
            {
                return new Native.cmsghdr(self).cmsg_type;
            }
        }

        set
        {
            fixed (CmsgHdr* self = &this)
            {
                new Native.cmsghdr(self).cmsg_type = value;
            }
        }
    }
}
