using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// Nim's <c>Sockaddr_in</c> (C's <c>struct sockaddr_in</c>): an IPv4 socket address in the running
/// platform's layout. As in C, <see cref="sin_port"/> and <see cref="sin_addr"/> are in network byte order.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public unsafe struct SockAddrIn
{
    // Storage only: the bytes are read and written through pointers, in the running platform's layout.
    private readonly uint _word0;
    private readonly uint _word1;
    private readonly uint _word2;
    private readonly uint _word3;

    /// <summary>The native address family number: <c>NativeSocket.ToInt(Domain.AF_INET)</c> for a valid address.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">Set to a number outside 0 to 65535.</exception>
    public int sin_family
    {
        readonly get
        {
            var copy = this;
            return new Native.sockaddr_in(&copy).sin_family;
        }

        set
        {
            fixed (SockAddrIn* self = &this)
            {
                var view = new Native.sockaddr_in(self);
                view.sin_family = AddressFamilyNumber.Checked(value);
                if (Native.sockaddr_in.Has_sin_len)
                {
                    // BSD and macOS keep the address length in a byte before a one-byte family.
                    view.sin_len = (byte)Native.sockaddr_in.Size;
                }
            }
        }
    }

    /// <summary>The port in network byte order (use <see cref="NativeSocket.Htons(ushort)"/>).</summary>
    public ushort sin_port
    {
        readonly get
        {
            var copy = this;
            return new Native.sockaddr_in(&copy).sin_port;
        }

        set
        {
            fixed (SockAddrIn* self = &this)
            {
                new Native.sockaddr_in(self).sin_port = value;
            }
        }
    }

    /// <summary>The IPv4 address (network byte order inside).</summary>
    public InAddr sin_addr
    {
        readonly get
        {
            var copy = this;
            return new InAddr(new Native.sockaddr_in(&copy).sin_addr.s_addr);
        }

        set
        {
            fixed (SockAddrIn* self = &this)
            {
                var address = new Native.sockaddr_in(self).sin_addr;
                address.s_addr = value.s_addr;
            }
        }
    }

    /// <summary>An AF_INET address for <paramref name="address"/> and <paramref name="port"/>, both given in host byte order.</summary>
    public static SockAddrIn Create(uint address, Port port) => new()
    {
        sin_family = Native.AF_INET,
        sin_port = NativeSocket.Htons(port.Value),
        sin_addr = new InAddr(NativeSocket.Htonl(address)),
    };
}
