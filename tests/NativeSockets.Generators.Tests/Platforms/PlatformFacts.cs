using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;

namespace NativeSockets.Generators.Tests.Platforms;

/// <summary>A struct layout as facts.json states it.</summary>
internal sealed record FactStruct(int Size, int Alignment, IReadOnlyDictionary<string, (int Offset, int Size)> Fields);

/// <summary>
/// One platform's facts: the project's copy of facts.json (Facts/facts.json: compiled headers for
/// Linux, macOS and Windows, cross-source agreement for FreeBSD) plus the few values read from header
/// text or, for Windows' AFD, from the projects that use it (Facts/header-text.json). The authority for platforms without headers on this machine.
/// </summary>
internal sealed record PlatformFacts(
    string Key,
    IReadOnlyDictionary<string, BigInteger> Constants,
    IReadOnlySet<string> AbsentConstants,
    IReadOnlyDictionary<string, (int Size, bool Signed)> Types,
    IReadOnlyDictionary<string, FactStruct> Structs)
{
    private static readonly Lazy<Dictionary<string, PlatformFacts>> All = new(Load);

    /// <summary>facts.json's name for a platform (it says macos and windows where runtime identifiers say osx and win).</summary>
    public static string KeyOf(string platform) =>
        platform.StartsWith("osx-", StringComparison.Ordinal) ? "macos-" + platform[4..]
        : platform.StartsWith("win-", StringComparison.Ordinal) ? "windows-" + platform[4..]
        : platform;

    /// <summary>facts.json's name for a struct: the typedef where the definitions use the C tag.</summary>
    public static string StructKeyOf(string name) => name == "WSAData" ? "WSADATA" : name;

    public static PlatformFacts For(string platform) => All.Value[KeyOf(platform)];

    private static Dictionary<string, PlatformFacts> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Facts");
        using var facts = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "facts.json")));
        using var headerText = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "header-text.json")));
        var result = new Dictionary<string, PlatformFacts>(StringComparer.Ordinal);
        foreach (var platform in facts.RootElement.GetProperty("platforms").EnumerateObject())
        {
            var constants = Numbers(platform.Value.GetProperty("constants"));
            var types = ReadTypes(platform.Value.GetProperty("types"));
            var structs = ReadStructs(platform.Value.GetProperty("structs"));
            if (headerText.RootElement.GetProperty("platforms").TryGetProperty(platform.Name, out var extra))
            {
                foreach (var (name, value) in Numbers(extra.GetProperty("constants")))
                {
                    constants.Add(name, value);
                }

                foreach (var (name, type) in extra.TryGetProperty("types", out var moreTypes) ? ReadTypes(moreTypes) : new())
                {
                    types.Add(name, type);
                }

                foreach (var (name, layout) in extra.TryGetProperty("structs", out var moreStructs) ? ReadStructs(moreStructs) : new())
                {
                    structs.Add(name, layout);
                }
            }

            var absent = platform.Value.TryGetProperty("absent_constants", out var list)
                ? list.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            result.Add(platform.Name, new PlatformFacts(platform.Name, constants, absent, types, structs));
        }

        return result;
    }

    private static Dictionary<string, (int Size, bool Signed)> ReadTypes(JsonElement element) =>
        element.EnumerateObject().ToDictionary(t => t.Name, t => (t.Value.GetProperty("size").GetInt32(), t.Value.GetProperty("signed").GetBoolean()), StringComparer.Ordinal);

    private static Dictionary<string, FactStruct> ReadStructs(JsonElement element) =>
        element.EnumerateObject().ToDictionary(
            s => s.Name,
            s => new FactStruct(
                s.Value.GetProperty("size").GetInt32(),
                s.Value.GetProperty("align").GetInt32(),
                s.Value.GetProperty("fields").EnumerateArray().ToDictionary(
                    f => f.GetProperty("name").GetString()!,
                    f => (f.GetProperty("offset").GetInt32(), f.GetProperty("size").GetInt32()),
                    StringComparer.Ordinal)),
            StringComparer.Ordinal);

    private static Dictionary<string, BigInteger> Numbers(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => BigInteger.Parse(p.Value.GetRawText(), System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
