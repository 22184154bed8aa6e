using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NativeSockets.Generators.Tests.Infrastructure;

/// <summary>Paths recorded at build time: the repository and the SDK's LibraryImportGenerator.</summary>
internal static class Repository
{
    public static string Root => Metadata("RepositoryRoot");

    public static string LibraryImportGeneratorPath => Metadata("LibraryImportGenerator");

    /// <summary>The definition files as copied beside the test assembly.</summary>
    public static string DefinitionsDirectory => Path.Combine(AppContext.BaseDirectory, "native-defs");

    public static string ReadDefinition(string fileName) => File.ReadAllText(Path.Combine(DefinitionsDirectory, fileName));

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
