using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// Nim's <c>AddrInfo</c> (C's <c>struct addrinfo</c>): one entry of the list
/// <see cref="NativeSocket.GetAddrInfo(string, Port, Domain, SockType, Protocol)"/> returns, in the running platform's layout (the order of
/// <c>ai_addr</c> and <c>ai_canonname</c> differs between platforms; the properties know where each is).
/// Walk the list with <see cref="ai_next"/> and free it once with <see cref="NativeSocket.FreeAddrInfo"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 48)]
public unsafe struct AddrInfo
{
    private fixed ulong _words[6];

    /// <summary>The <c>AI_*</c> flags (native numbers).</summary>
    public int ai_flags
    {
        readonly get
        {
            var copy = this;
            return new Native.addrinfo(&copy).ai_flags;
        }

        set
        {
            fixed (AddrInfo* self = &this)
            {
                new Native.addrinfo(self).ai_flags = value;
            }
        }
    }

    /// <summary>The native address family number of <see cref="ai_addr"/>.</summary>
    public int ai_family
    {
        readonly get
        {
            var copy = this;
            return new Native.addrinfo(&copy).ai_family;
        }

        set
        {
            fixed (AddrInfo* self = &this)
            {
                new Native.addrinfo(self).ai_family = value;
            }
        }
    }

    /// <summary>The native socket type number.</summary>
    public int ai_socktype
    {
        readonly get
        {
            var copy = this;
            return new Native.addrinfo(&copy).ai_socktype;
        }

        set
        {
            fixed (AddrInfo* self = &this)
            {
                new Native.addrinfo(self).ai_socktype = value;
            }
        }
    }

    /// <summary>The native protocol number.</summary>
    public int ai_protocol
    {
        readonly get
        {
            var copy = this;
            return new Native.addrinfo(&copy).ai_protocol;
        }

        set
        {
            fixed (AddrInfo* self = &this)
            {
                new Native.addrinfo(self).ai_protocol = value;
            }
        }
    }

    /// <summary>The length in bytes of the address <see cref="ai_addr"/> points to.</summary>
    public SockLen ai_addrlen
    {
        readonly get
        {
            var copy = this;
            return checked((uint)new Native.addrinfo(&copy).ai_addrlen);
        }

        set
        {
            fixed (AddrInfo* self = &this)
            {
                new Native.addrinfo(self).ai_addrlen = value.Value;
            }
        }
    }

    /// <summary>The socket address, ready for <c>BindAddr</c> or <c>Connect</c> with <see cref="ai_addrlen"/>.</summary>
    public SockAddr* ai_addr
    {
        readonly get
        {
            var copy = this;
            return (SockAddr*)new Native.addrinfo(&copy).ai_addr;
        }

        set
        {
            fixed (AddrInfo* self = &this)
            {
                new Native.addrinfo(self).ai_addr = value;
            }
        }
    }

    /// <summary>The canonical name as a NUL-terminated C string, when asked for with <c>AI_CANONNAME</c>; otherwise null.</summary>
    public byte* ai_canonname
    {
        readonly get
        {
            var copy = this;
            return new Native.addrinfo(&copy).ai_canonname;
        }

        set
        {
            fixed (AddrInfo* self = &this)
            {
                new Native.addrinfo(self).ai_canonname = value;
            }
        }
    }

    /// <summary>The next entry of the list, or null after the last.</summary>
    public AddrInfo* ai_next
    {
        readonly get
        {
            var copy = this;
            return (AddrInfo*)new Native.addrinfo(&copy).ai_next;
        }

        set
        {
            fixed (AddrInfo* self = &this)
            {
                new Native.addrinfo(self).ai_next = value;
            }
        }
    }
}
