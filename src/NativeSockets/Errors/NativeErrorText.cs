using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>The platform's own text for error codes outside errno: resolver and getaddrinfo codes.</summary>
internal static unsafe class NativeErrorText
{
    public static string Describe(int errorCode, OSErrorSpace space)
    {
        if (OperatingSystem.IsWindows())
        {
            // Winsock's EAI_* and host-lookup codes are Winsock errors (WSAHOST_NOT_FOUND...), and
            // gai_strerror is a header-only function there: the system's message table has the text.
            return space is OSErrorSpace.AddrInfo or OSErrorSpace.Resolver ? Marshal.GetPInvokeErrorMessage(errorCode) : string.Empty;
        }

        var text = space switch
        {
            OSErrorSpace.AddrInfo => Native.gai_strerror(errorCode),
            OSErrorSpace.Resolver => Native.hstrerror(errorCode),
            _ => null,
        };
        return text is null ? string.Empty : Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
    }
}
