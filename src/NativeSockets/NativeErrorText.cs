using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>The platform's own text for error codes outside errno: resolver and getaddrinfo codes.</summary>
internal static unsafe class NativeErrorText
{
    public static string Describe(int errorCode, OSErrorSpace space)
    {
        var text = space switch
        {
            OSErrorSpace.AddrInfo => Native.gai_strerror(errorCode),
            OSErrorSpace.Resolver => Native.hstrerror(errorCode),
            _ => null,
        };
        return text is null ? string.Empty : Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
    }
}
