using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace NativeSockets.PackageTests.Support;

/// <summary>
/// The library packed once for every test in this assembly: <c>dotnet pack</c> run on the repository's
/// project with the release settings, into a temporary folder that also holds its build outputs (so
/// nothing of another build is reused or disturbed), deleted afterwards.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    /// <summary>The frameworks the package must carry an assembly for.</summary>
    public static readonly IReadOnlyList<string> TargetFrameworks = ["net8.0", "net10.0"];

    private readonly DirectoryInfo _workspace;
    private readonly Dictionary<string, byte[]> _packageFiles;
    private readonly Dictionary<string, byte[]> _symbolFiles;

    public PackedPackage()
    {
        _workspace = Directory.CreateTempSubdirectory("nativesockets-pack-");
        try
        {
            var output = Path.Combine(_workspace.FullName, "package");
            ChildProcess.RunChecked(
                ChildProcess.Dotnet,
                BuildFacts.RepositoryRoot,
                "pack", Path.Combine(BuildFacts.RepositoryRoot, "src", "NativeSockets", "NativeSockets.csproj"),
                "--configuration", "Release",
                "--output", output,
                "--artifacts-path", Path.Combine(_workspace.FullName, "build"),
                "--disable-build-servers",
                "-p:ContinuousIntegrationBuild=true");
            PackedFileNames = Directory.GetFiles(output).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
            _packageFiles = ReadAll(Path.Combine(output, $"NativeSockets.{BuildFacts.PackageVersion}.nupkg"));
            _symbolFiles = ReadAll(Path.Combine(output, $"NativeSockets.{BuildFacts.PackageVersion}.snupkg"));
        }
        catch
        {
            _workspace.Delete(recursive: true);
            throw;
        }

        Nuspec = XDocument.Load(new MemoryStream(PackageFile("NativeSockets.nuspec")));
    }

    /// <summary>The names of the files <c>dotnet pack</c> wrote.</summary>
    public IReadOnlyList<string> PackedFileNames { get; }

    /// <summary>The paths inside the .nupkg, with '/' separators, as NuGet stores them.</summary>
    public IEnumerable<string> PackageEntries => _packageFiles.Keys;

    /// <summary>The paths inside the .snupkg.</summary>
    public IEnumerable<string> SymbolEntries => _symbolFiles.Keys;

    public XDocument Nuspec { get; }

    public byte[] PackageFile(string path) =>
        _packageFiles.TryGetValue(path, out var bytes) ? bytes : throw new FileNotFoundException($"The package has no {path}.");

    public byte[] SymbolFile(string path) =>
        _symbolFiles.TryGetValue(path, out var bytes) ? bytes : throw new FileNotFoundException($"The symbol package has no {path}.");

    public void Dispose() => _workspace.Delete(recursive: true);

    private static Dictionary<string, byte[]> ReadAll(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files.Add(entry.FullName, copy.ToArray());
        }

        return files;
    }
}
