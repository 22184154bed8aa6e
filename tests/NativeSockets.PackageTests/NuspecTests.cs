using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using NativeSockets.PackageTests.Support;
using Xunit;

namespace NativeSockets.PackageTests;

public sealed class NuspecTests(PackedPackage package)
{
    private XElement Metadata => package.Nuspec.Root!.Element(package.Nuspec.Root.Name.Namespace + "metadata")!;

    private XElement Element(string name) =>
        Metadata.Element(Metadata.Name.Namespace + name) ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>.");

    [Fact]
    public void Id_and_version_are_the_package_s_own()
    {
        Assert.Equal("NativeSockets", Element("id").Value);
        Assert.Equal(BuildFacts.PackageVersion, Element("version").Value);
    }

    [Fact]
    public void The_license_is_the_MIT_expression()
    {
        var license = Element("license");

        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
    }

    [Fact]
    public void The_readme_is_named_and_there_is_a_description()
    {
        Assert.Equal("README.md", Element("readme").Value);
        Assert.Contains("nativesockets", Element("description").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_notes_point_to_the_changelog_which_has_this_version()
    {
        Assert.Contains("CHANGELOG.md", Element("releaseNotes").Value, StringComparison.Ordinal);
        var changelog = File.ReadAllLines(Path.Combine(BuildFacts.RepositoryRoot, "CHANGELOG.md"));
        Assert.Contains(changelog, line => line.StartsWith($"## [{BuildFacts.PackageVersion}]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_repository_is_the_git_commit_that_was_packed_and_its_remote_if_it_has_one()
    {
        var repository = Element("repository");
        var root = BuildFacts.RepositoryRoot;

        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(ChildProcess.RunChecked("git", root, "rev-parse", "HEAD").Trim(), (string?)repository.Attribute("commit"));
        // Source Link takes the URL from the remote (normalized to https, without ".git") when the remote is
        // on a host it knows; with no remote, or one it cannot make a web address of (a local path), the
        // package names none rather than a made-up one.
        var url = (string?)repository.Attribute("url");
        if (GitRemote.Origin is null)
        {
            Assert.Null(url);
        }
        else if (GitRemote.IsOnKnownHost)
        {
            Assert.NotNull(url);
        }

        if (url is not null)
        {
            Assert.Contains(GitRemote.RepositoryName!, url, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_framework_has_a_dependency_group_and_none_has_a_dependency()
    {
        var groups = Element("dependencies").Elements().ToList();

        Assert.All(groups, g => Assert.Equal("group", g.Name.LocalName));
        Assert.Equal(
            PackedPackage.TargetFrameworks.Order(),
            groups.Select(g => (string?)g.Attribute("targetFramework")).Order());
        Assert.All(groups, g => Assert.Empty(g.Elements()));
    }
}
