using System;
using System.Linq;
using System.Reflection;

namespace NativeSockets.PackageTests.Support;

/// <summary>What the build of this test project recorded: where the repository is and the version it packs.</summary>
internal static class BuildFacts
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string PackageVersion => Metadata("NativeSocketsVersion");

    private static string Metadata(string key) =>
        typeof(BuildFacts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
