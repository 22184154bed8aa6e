using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using System.Xml.Linq;
using NativeSockets.PackageTests.Support;
using Xunit;

namespace NativeSockets.PackageTests;

public sealed class AssemblyTests(PackedPackage package)
{
    public static TheoryData<string> Frameworks => [.. PackedPackage.TargetFrameworks];

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Each_framework_folder_holds_the_assembly_built_for_that_framework_at_the_package_version(string framework)
    {
        using var packaged = Open(framework);
        var name = packaged.Assembly.GetName();

        Assert.Equal($".NETCoreApp,Version=v{framework["net".Length..]}", packaged.Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
        Assert.Equal("NativeSockets", name.Name);
        Assert.Equal(Version.Parse(BuildFacts.PackageVersion + ".0"), name.Version);
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_assembly_references_nothing_but_the_framework(string framework)
    {
        using var packaged = Open(framework);

        Assert.All(
            packaged.Assembly.GetReferencedAssemblies(),
            reference => Assert.True(reference.Name!.StartsWith("System.", StringComparison.Ordinal), $"{reference.Name} is not part of the framework"));
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_assembly_is_a_deterministic_build_and_declared_trimmable(string framework)
    {
        using var packaged = Open(framework);
        using var headers = packaged.ReadHeaders();

        Assert.Contains(headers.ReadDebugDirectory(), entry => entry.Type == DebugDirectoryEntryType.Reproducible);
        // IsAotCompatible implies IsTrimmable, which the SDK records for the trimmer in this attribute.
        Assert.Contains(
            packaged.Assembly.GetCustomAttributes<AssemblyMetadataAttribute>(),
            a => a.Key == "IsTrimmable" && a.Value == "True");
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_xml_docs_are_the_assembly_s_and_give_every_public_type_a_summary(string framework)
    {
        using var packaged = Open(framework);
        var docs = XDocument.Load(new MemoryStream(package.PackageFile($"lib/{framework}/NativeSockets.xml")));
        var summarized = docs.Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value))
            .Select(m => (string?)m.Attribute("name"))
            .ToHashSet();
        // Fixed-size buffers are public nested types the compiler makes; they cannot carry docs.
        var publicTypes = packaged.Assembly.GetExportedTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Select(t => "T:" + t.FullName!.Replace('+', '.'))
            .ToList();

        Assert.Equal("NativeSockets", docs.Root?.Element("assembly")?.Element("name")?.Value);
        Assert.Contains("T:NativeSockets.NativeSocket", publicTypes);
        Assert.All(publicTypes, type => Assert.Contains(type, summarized));
    }

    private PackagedAssembly Open(string framework) => new(package.PackageFile($"lib/{framework}/NativeSockets.dll"), framework);
}
