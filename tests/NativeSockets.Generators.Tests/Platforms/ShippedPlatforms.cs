using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using NativeSockets.Generators.Model;
using NativeSockets.Generators.Tests.Infrastructure;
using NativeSockets.HeaderCheck;
using Xunit;

namespace NativeSockets.Generators.Tests.Platforms;

/// <summary>The platforms the shipped definition files describe, resolved as the generator resolves them.</summary>
internal static class ShippedPlatforms
{
    /// <summary>Every platform NativeSockets ships definitions for.</summary>
    public static readonly string[] Names = { "linux-x64", "linux-arm64", "linux-musl-x64", "osx-x64", "osx-arm64", "win-x64", "freebsd-x64" };

    private static readonly ConcurrentDictionary<string, PlatformModel> Models = new(StringComparer.Ordinal);

    private static readonly Lazy<GeneratorOutput> Generated = new(() => GeneratorHarness.Run(GeneratorHarness.ShippedDefinitions()));

    public static TheoryData<string> All => new(Names);

    /// <summary>Platform <paramref name="name"/> of <paramref name="files"/> (path, text), resolved as the header checker resolves it.</summary>
    public static PlatformModel Resolve(IEnumerable<(string Path, string Text)> files, string name) => DefinitionFolder.Load(files, name);

    /// <summary>The shipped platform <paramref name="name"/>, resolved once.</summary>
    public static PlatformModel Get(string name) => Models.GetOrAdd(name, static n => Resolve(GeneratorHarness.ShippedDefinitions(), n));

    /// <summary>The generator's output for the shipped files and the compilation that holds it, made once.</summary>
    public static GeneratorOutput Output => Generated.Value;

    /// <summary>The shipped files with one exact text replaced in one of them; fails if the text is not there.</summary>
    public static (string Path, string Text)[] WithChange(string fileName, string from, string to)
    {
        var files = GeneratorHarness.ShippedDefinitions();
        var index = Array.FindIndex(files, f => f.Path == "native-defs/" + fileName);
        if (index < 0 || !files[index].Text.Contains(from, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{from}' is not in {fileName}.", nameof(from));
        }

        files[index] = (files[index].Path, files[index].Text.Replace(from, to, StringComparison.Ordinal));
        return files;
    }
}
