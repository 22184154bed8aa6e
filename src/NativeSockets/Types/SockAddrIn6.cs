using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// Nim's <c>Sockaddr_in6</c> (C's <c>struct sockaddr_in6</c>): an IPv6 socket address in the running
/// platform's layout. As in C, <see cref="sin6_port"/> is in network byte order.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 28)]
public unsafe struct SockAddrIn6
{
    private fixed uint _words[7];

    /// <summary>The native address family number: <c>NativeSocket.ToInt(Domain.AF_INET6)</c> for a valid address.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">Set to a number outside 0 to 65535.</exception>
    public int sin6_family
    {
        readonly get
        {
            var copy = this;
            return new Native.sockaddr_in6(&copy).sin6_family;
        }

        set
        {
            fixed (SockAddrIn6* self = &this)
            {
                var view = new Native.sockaddr_in6(self);
                view.sin6_family = AddressFamilyNumber.Checked(value);
                if (Native.sockaddr_in6.Has_sin6_len)
                {
                    // BSD and macOS keep the address length in a byte before a one-byte family.
                    view.sin6_len = (byte)Native.sockaddr_in6.Size;
                }
            }
        }
    }

    /// <summary>The port in network byte order (use <see cref="NativeSocket.Htons(ushort)"/>).</summary>
    public ushort sin6_port
    {
        readonly get
        {
            var copy = this;
            return new Native.sockaddr_in6(&copy).sin6_port;
        }

        set
        {
            fixed (SockAddrIn6* self = &this)
            {
                new Native.sockaddr_in6(self).sin6_port = value;
            }
        }
    }

    /// <summary>The IPv6 flow information, as the platform stores it.</summary>
    public uint sin6_flowinfo
    {
        readonly get
        {
            var copy = this;
            return new Native.sockaddr_in6(&copy).sin6_flowinfo;
        }

        set
        {
            fixed (SockAddrIn6* self = &this)
            {
                new Native.sockaddr_in6(self).sin6_flowinfo = value;
            }
        }
    }

    /// <summary>The IPv6 address.</summary>
    public In6Addr sin6_addr
    {
        readonly get
        {
            var copy = this;
            return new In6Addr(new Native.sockaddr_in6(&copy).sin6_addr.s6_addr);
        }

        set
        {
            fixed (SockAddrIn6* self = &this)
            {
                value.s6_addr.CopyTo(new Native.sockaddr_in6(self).sin6_addr.s6_addr);
            }
        }
    }

    /// <summary>The scope (interface index) of a link-local address; 0 for none.</summary>
    public uint sin6_scope_id
    {
        readonly get
        {
            var copy = this;
            return new Native.sockaddr_in6(&copy).sin6_scope_id;
        }

        set
        {
            fixed (SockAddrIn6* self = &this)
            {
                new Native.sockaddr_in6(self).sin6_scope_id = value;
            }
        }
    }

    /// <summary>An AF_INET6 address for <paramref name="address"/> and <paramref name="port"/> (host byte order), in <paramref name="scopeId"/>.</summary>
    public static SockAddrIn6 Create(In6Addr address, Port port, uint scopeId = 0) => new()
    {
        sin6_family = Native.AF_INET6,
        sin6_port = NativeSocket.Htons(port.Value),
        sin6_addr = address,
        sin6_scope_id = scopeId,
    };
}
