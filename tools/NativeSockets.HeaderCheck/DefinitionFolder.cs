using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using NativeSockets.Generators.Model;
using NativeSockets.Generators.Parsing;
using NativeSockets.Generators.Resolution;

namespace NativeSockets.HeaderCheck;

/// <summary>Reads a folder of definition files the way the generator does and picks one platform.</summary>
internal static class DefinitionFolder
{
    /// <summary>The <c>native-defs</c> folder of the repository that contains <paramref name="start"/>.</summary>
    public static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "native-defs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No native-defs folder above '{start}'; pass --defs DIR.");
    }

    /// <summary>The resolved model of <paramref name="platformName"/>; the definitions must be free of diagnostics.</summary>
    public static PlatformModel Load(string folder, string platformName) =>
        Load(Directory.GetFiles(folder, "*.defs").Select(path => (path, File.ReadAllText(path))), platformName);

    /// <summary>The resolved model of <paramref name="platformName"/> from definition texts given as (path, text).</summary>
    public static PlatformModel Load(System.Collections.Generic.IEnumerable<(string Path, string Text)> files, string platformName)
    {
        var parsed = files
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => DefinitionFileParser.Parse(f.Path, SourceText.From(f.Text), CancellationToken.None))
            .ToImmutableArray();
        var models = PlatformResolver.Resolve(parsed, CancellationToken.None);
        var model = models.FirstOrDefault(m => m.Name == platformName)
            ?? throw new ArgumentException($"No definition file describes platform '{platformName}' (have: {string.Join(", ", models.Select(m => m.Name))}).", nameof(platformName));
        var problems = parsed.SelectMany(f => f.Diagnostics).Concat(model.Diagnostics).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidDataException(
                $"The definitions of {platformName} have problems:\n" + string.Join("\n", problems.Select(p => $"{p.Location}: {p.Descriptor.Id}")));
        }

        return model;
    }
}
