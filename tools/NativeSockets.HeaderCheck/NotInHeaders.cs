using System;
using System.Collections.Generic;

namespace NativeSockets.HeaderCheck;

/// <summary>
/// Names a platform defines whose value the compiler's headers here cannot confirm, with the reason.
/// The header check leaves them out; the facts comparison (tests) checks them against facts.json.
/// </summary>
internal static class NotInHeaders
{
    private const string NotInMingw = "absent from mingw-w64 10's headers; the value is the Windows SDK's";
    private const string NotInAnyHeader = "AFD's poll interface is in no public header; the value mio, wepoll and libuv agree on";

    private static readonly Dictionary<string, Dictionary<string, string>> ByPlatform = new(StringComparer.Ordinal)
    {
        ["win-x64"] = new(StringComparer.Ordinal)
        {
            ["TCP_MAXSEG"] = NotInMingw,
            ["TCP_KEEPIDLE"] = NotInMingw,
            ["TCP_KEEPINTVL"] = NotInMingw,
            ["TCP_KEEPCNT"] = NotInMingw,
            ["EAI_NODATA"] = "mingw-w64 defines it as WSANO_DATA (11004), the Windows SDK as EAI_NONAME (11001); the SDK's value is kept",
            ["LARGE_INTEGER"] = "a union, which C cannot cast -1 to: 8 bytes, signed (its QuadPart), compared with facts",
            ["NtCancelIoFileEx"] = "absent from mingw-w64 10's winternl.h; the prototype is the one mio and wepoll declare",
            ["_AFD_POLL_INFO"] = NotInAnyHeader,
            ["_AFD_POLL_HANDLE_INFO"] = NotInAnyHeader,
            ["IOCTL_AFD_POLL"] = NotInAnyHeader,
            ["AFD_POLL_RECEIVE"] = NotInAnyHeader,
            ["AFD_POLL_RECEIVE_EXPEDITED"] = NotInAnyHeader,
            ["AFD_POLL_SEND"] = NotInAnyHeader,
            ["AFD_POLL_DISCONNECT"] = NotInAnyHeader,
            ["AFD_POLL_ABORT"] = NotInAnyHeader,
            ["AFD_POLL_LOCAL_CLOSE"] = NotInAnyHeader,
            ["AFD_POLL_CONNECT"] = NotInAnyHeader,
            ["AFD_POLL_ACCEPT"] = NotInAnyHeader,
            ["AFD_POLL_CONNECT_FAIL"] = NotInAnyHeader,
        },
    };

    public static IReadOnlyDictionary<string, string> For(string platform) =>
        ByPlatform.TryGetValue(platform, out var names) ? names : new Dictionary<string, string>();
}
