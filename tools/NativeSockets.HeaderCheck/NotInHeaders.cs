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

    private static readonly Dictionary<string, Dictionary<string, string>> ByPlatform = new(StringComparer.Ordinal)
    {
        ["win-x64"] = new(StringComparer.Ordinal)
        {
            ["TCP_MAXSEG"] = NotInMingw,
            ["TCP_KEEPIDLE"] = NotInMingw,
            ["TCP_KEEPINTVL"] = NotInMingw,
            ["TCP_KEEPCNT"] = NotInMingw,
            ["EAI_NODATA"] = "mingw-w64 defines it as WSANO_DATA (11004), the Windows SDK as EAI_NONAME (11001); the SDK's value is kept",
        },
    };

    public static IReadOnlyDictionary<string, string> For(string platform) =>
        ByPlatform.TryGetValue(platform, out var names) ? names : new Dictionary<string, string>();
}
