using System;
using System.IO;
using System.Linq;
using NativeSockets.PackageTests.Support;
using Xunit;

namespace NativeSockets.PackageTests;

public sealed class PackageLayoutTests(PackedPackage package)
{
    [Fact]
    public void Pack_writes_the_package_and_its_symbol_package_named_by_the_version()
    {
        var version = BuildFacts.PackageVersion;
        Assert.Equal([$"NativeSockets.{version}.nupkg", $"NativeSockets.{version}.snupkg"], package.PackedFileNames);
    }

    [Fact]
    public void The_package_holds_the_nuspec_the_readme_and_each_framework_s_assembly_with_its_docs()
    {
        string[] expected =
        [
            "NativeSockets.nuspec",
            "README.md",
            .. PackedPackage.TargetFrameworks.SelectMany(tfm => new[] { $"lib/{tfm}/NativeSockets.dll", $"lib/{tfm}/NativeSockets.xml" }),
            // MSBuild files for the apps that use the package, directly or through another package.
            .. LibraryBuildFiles().SelectMany(name => new[] { $"build/{name}", $"buildTransitive/{name}" }),
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), PackageEntries.Content(package.PackageEntries));
    }

    [Fact]
    public void The_generator_is_not_in_the_package_in_any_form()
    {
        Assert.DoesNotContain(package.PackageEntries, e => e.Contains("Generators", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(package.PackageEntries, e => e.StartsWith("analyzers/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_readme_is_the_repository_readme()
    {
        var readme = File.ReadAllBytes(Path.Combine(BuildFacts.RepositoryRoot, "README.md"));

        Assert.Equal(readme, package.PackageFile("README.md"));
    }

    [Fact]
    public void The_build_files_are_the_library_s_own_in_both_folders()
    {
        Assert.NotEmpty(LibraryBuildFiles());
        Assert.All(LibraryBuildFiles(), name =>
        {
            var source = File.ReadAllBytes(Path.Combine(LibraryBuildFolder, name));
            Assert.Equal(source, package.PackageFile($"build/{name}"));
            Assert.Equal(source, package.PackageFile($"buildTransitive/{name}"));
        });
    }

    [Fact]
    public void The_symbol_package_holds_a_pdb_for_each_framework_and_nothing_else()
    {
        string[] expected =
        [
            "NativeSockets.nuspec",
            .. PackedPackage.TargetFrameworks.Select(tfm => $"lib/{tfm}/NativeSockets.pdb"),
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), PackageEntries.Content(package.SymbolEntries));
    }

    private static string LibraryBuildFolder => Path.Combine(BuildFacts.RepositoryRoot, "src", "NativeSockets", "build");

    /// <summary>The files of the library's build/ folder, which the package hands to the apps' builds.</summary>
    private static string[] LibraryBuildFiles()
    {
        var folder = LibraryBuildFolder;
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().ToArray() : [];
    }
}
