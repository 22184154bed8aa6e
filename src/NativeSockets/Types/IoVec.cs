using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// C's <c>struct iovec</c>: one buffer of a <see cref="MsgHdr"/>, in the running platform's layout.
/// POSIX only (Windows' <c>WSABUF</c> is another structure).
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public unsafe struct IoVec
{
    private fixed ulong _words[2];

    /// <summary>The buffer's first byte.</summary>
    public void* iov_base
    {
        readonly get
        {
            var copy = this;
            return new Native.iovec(&copy).iov_base;
        }

        set
        {
            fixed (IoVec* self = &this)
            {
                new Native.iovec(self).iov_base = value;
            }
        }
    }

    /// <summary>The buffer's length in bytes.</summary>
    public nuint iov_len
    {
        readonly get
        {
            var copy = this;
            return new Native.iovec(&copy).iov_len;
        }

        set
        {
            fixed (IoVec* self = &this)
            {
                new Native.iovec(self).iov_len = value;
            }
        }
    }
}
