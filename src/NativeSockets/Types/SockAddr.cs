using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// Nim's <c>SockAddr</c> (C's <c>struct sockaddr</c>): the 16-byte head every socket address starts
/// with. Functions take a pointer to it and a length; the bytes are in the running platform's layout.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public unsafe struct SockAddr
{
    // Storage only: the bytes are read and written through pointers, in the running platform's layout.
    private readonly ushort _family;
    private fixed byte _data[14];

    /// <summary>
    /// The native address family number (compare with <see cref="NativeSocket.ToInt(Domain)"/>), read
    /// where the running platform keeps it (after the length byte on BSD and macOS). Setting it also
    /// sets that length byte where the platform has one.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">Set to a number outside 0 to 65535.</exception>
    public int sa_family
    {
        readonly get
        {
            var copy = this;
            return new Native.sockaddr(&copy).sa_family;
        }

        set
        {
            fixed (SockAddr* self = &this)
            {
                var view = new Native.sockaddr(self);
                view.sa_family = AddressFamilyNumber.Checked(value);
                if (Native.sockaddr.Has_sa_len)
                {
                    // BSD and macOS keep the address length in a byte before a one-byte family.
                    view.sa_len = (byte)Native.sockaddr.Size;
                }
            }
        }
    }
}
