using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// Nim's <c>Sockaddr_storage</c> (C's <c>struct sockaddr_storage</c>): 128 bytes, aligned to 8, large
/// enough for any socket address. Pass its address as a <see cref="SockAddr"/> pointer.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 128)]
public unsafe struct SockAddrStorage
{
    private fixed ulong _words[16];

    /// <summary>The native address family number of the address it holds.</summary>
    public readonly int ss_family
    {
        get
        {
            var copy = this;
            return new Native.sockaddr_storage(&copy).ss_family;
        }
    }
}
