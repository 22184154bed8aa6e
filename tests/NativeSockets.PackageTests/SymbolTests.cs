using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using NativeSockets.PackageTests.Support;
using Xunit;

namespace NativeSockets.PackageTests;

public sealed class SymbolTests(PackedPackage package)
{
    // The custom debug information kinds of the Portable PDB format (dotnet/runtime, PortablePdb-Metadata.md).
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    private static readonly Guid SourceLink = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static TheoryData<string> Frameworks => [.. PackedPackage.TargetFrameworks];

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Each_pdb_is_the_one_its_assembly_points_to(string framework)
    {
        using var pe = new PEReader(new MemoryStream(package.PackageFile($"lib/{framework}/NativeSockets.dll")));
        var codeView = pe.ReadCodeViewDebugDirectoryData(pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView));
        using var pdb = OpenPdb(framework);
        var id = new BlobContentId(pdb.GetMetadataReader().DebugMetadataHeader!.Id);

        Assert.Equal(codeView.Guid, id.Guid);
        Assert.Equal("NativeSockets.pdb", Path.GetFileName(codeView.Path));
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Sources_in_git_are_named_by_their_path_in_the_repository_and_not_embedded(string framework)
    {
        var documents = Documents(framework);
        var tracked = TrackedSources();

        Assert.Contains("/_/src/NativeSockets/NativeSocket.Lifetime.cs", tracked);
        Assert.All(tracked, path => Assert.Contains((path, false), documents));
        Assert.DoesNotContain(documents, d => d.Path.StartsWith(BuildFacts.RepositoryRoot, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Sources_not_in_git_such_as_the_generated_bindings_are_embedded(string framework)
    {
        var tracked = TrackedSources();
        var untracked = Documents(framework).Where(d => !tracked.Contains(d.Path)).ToList();

        Assert.Contains(untracked, d => d.Path.EndsWith("LinuxX64.Functions.g.cs", StringComparison.Ordinal));
        Assert.All(untracked, d => Assert.True(d.Embedded, $"{d.Path} is not in git and not embedded either"));
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Source_Link_points_at_the_remote_when_there_is_one_and_is_absent_otherwise(string framework)
    {
        using var pdb = OpenPdb(framework);
        var reader = pdb.GetMetadataReader();
        var sourceLink = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(reader.GetCustomDebugInformation)
            .Where(c => reader.GetGuid(c.Kind) == SourceLink)
            .Select(c => Encoding.UTF8.GetString(reader.GetBlobBytes(c.Value)))
            .SingleOrDefault();
        if (GitRemote.Origin is null)
        {
            Assert.Null(sourceLink);
        }
        else if (GitRemote.IsOnKnownHost)
        {
            Assert.NotNull(sourceLink);
        }

        if (sourceLink is not null)
        {
            Assert.Contains("\"/_/*\"", sourceLink, StringComparison.Ordinal);
        }
    }

    /// <summary>The sources of the library that git tracks, named as the PDB names them.</summary>
    private static List<string> TrackedSources() =>
        ChildProcess.RunChecked("git", BuildFacts.RepositoryRoot, "ls-files", "--", "src/NativeSockets/*.cs")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(path => "/_/" + path)
            .ToList();

    private List<(string Path, bool Embedded)> Documents(string framework)
    {
        using var pdb = OpenPdb(framework);
        var reader = pdb.GetMetadataReader();
        return reader.Documents.Select(d => (reader.GetString(reader.GetDocument(d).Name), HasEmbeddedSource(reader, d))).ToList();
    }

    private MetadataReaderProvider OpenPdb(string framework) =>
        MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(package.SymbolFile($"lib/{framework}/NativeSockets.pdb")));

    private static bool HasEmbeddedSource(MetadataReader reader, DocumentHandle document) =>
        reader.GetCustomDebugInformation(document)
              .Any(h => reader.GetGuid(reader.GetCustomDebugInformation(h).Kind) == EmbeddedSource);
}
