using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NativeSockets.Interop;

namespace NativeSockets.Tests.Support;

/// <summary>The services file read by the test itself: an opinion on service lookups that does not come from the C library.</summary>
internal static class ServicesFile
{
    /// <summary>Where the system keeps it: /etc/services, or on Windows the copy in system32\drivers\etc.</summary>
    private static readonly string FilePath =
        OperatingSystem.IsWindows() ? Path.Combine(Environment.SystemDirectory, "drivers", "etc", "services") : "/etc/services";

    public sealed record Entry(string Name, int Port, string Proto, IReadOnlyList<string> Aliases);

    /// <summary>Every entry, in file order.</summary>
    public static IReadOnlyList<Entry> Entries { get; } = Read();

    /// <summary>The first entry named <paramref name="name"/> (or with it as an alias) over <paramref name="proto"/>.</summary>
    public static Entry Find(string name, string proto) =>
        Entries.First(entry => entry.Proto == proto && (entry.Name == name || entry.Aliases.Contains(name)));

    /// <summary>
    /// <paramref name="entry"/> as the C library's lookup of <paramref name="asked"/> returns it: the file's entry
    /// from glibc, the BSDs and Windows; musl reads only names and ports from the file and answers with the
    /// name asked for, which is also its one alias.
    /// </summary>
    public static Entry AsLookedUp(Entry entry, string asked) =>
        PlatformDetection.IsMusl ? entry with { Name = asked, Aliases = [asked] } : entry;

    /// <summary>The first entry on <paramref name="port"/> over <paramref name="proto"/>.</summary>
    public static Entry Find(int port, string proto) => Entries.First(entry => entry.Proto == proto && entry.Port == port);

    private static List<Entry> Read()
    {
        var entries = new List<Entry>();
        foreach (var line in File.ReadLines(FilePath))
        {
            var fields = line.Split('#')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || fields[1].Split('/') is not [var port, var proto])
            {
                continue;
            }

            entries.Add(new Entry(fields[0], int.Parse(port, CultureInfo.InvariantCulture), proto, fields[2..]));
        }

        return entries;
    }
}
