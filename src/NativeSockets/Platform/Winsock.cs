using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// Winsock's start-up: every process must call <c>WSAStartup</c> before its first Winsock call, or
/// that call fails with WSANOTINITIALISED. It is done once, on first use, for version 2.2 (Nim asks
/// for 1.1, which lacks getaddrinfo's error numbering and more), and never undone: Winsock counts its
/// start-ups, so other users in the process (System.Net.Sockets) are unaffected.
/// </summary>
internal static unsafe class Winsock
{
    private const ushort Version22 = 0x0202;

    // 0: not yet; 1: started. Volatile so that a thread seeing 1 also sees Winsock started.
    private static volatile int s_started;
    private static readonly object s_startLock = new();

    /// <summary>Starts Winsock on Windows if it is not started yet; nothing elsewhere.</summary>
    /// <exception cref="OSErrorException"><c>WSAStartup</c> failed, with its Winsock error.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnsureStarted()
    {
        if (OperatingSystem.IsWindows() && s_started == 0)
        {
            Start();
        }
    }

    /// <summary>
    /// The error of a per-thread netdb call (<c>getservbyname</c>...) that returned <paramref name="found"/>:
    /// 0 when it found an entry or simply none (WSANO_DATA, as the reentrant POSIX calls report "none"
    /// without an error), otherwise the Winsock error.
    /// </summary>
    public static int LookupResult(void* found)
    {
        if (found is not null)
        {
            return 0;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == Native.WSANO_DATA ? 0 : error;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Start()
    {
        lock (s_startLock)
        {
            if (s_started != 0)
            {
                return;
            }

            var data = stackalloc byte[Native.WSAData.Size];
            var result = Native.WSAStartup(Version22, data);
            if (result != 0)
            {
                throw new OSErrorException(result, OSErrorSpace.Winsock, "WSAStartup(2.2)");
            }

            var version = new Native.WSAData(data).wVersion;
            if (version != Version22)
            {
                // Winsock older than 2.2 (no such Windows is supported by .NET): give the start-up back.
                _ = Native.WSACleanup();
                throw new OSErrorException(Native.WSAVERNOTSUPPORTED, OSErrorSpace.Winsock, $"WSAStartup(2.2) offered version {version & 0xff}.{version >> 8}");
            }

            s_started = 1;
        }
    }
}
