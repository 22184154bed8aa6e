using System;
using System.Collections.Generic;
using System.Linq;

namespace NativeSockets.PackageTests.Support;

/// <summary>Sorting out the entries of a NuGet package.</summary>
internal static class PackageEntries
{
    /// <summary>
    /// The entries that are the package's content, without the Open Packaging Conventions parts every
    /// package has (<c>[Content_Types].xml</c>, <c>_rels/</c>, <c>package/</c>).
    /// </summary>
    public static IReadOnlyList<string> Content(IEnumerable<string> entries) =>
        entries.Where(e => e != "[Content_Types].xml"
                           && !e.StartsWith("_rels/", StringComparison.Ordinal)
                           && !e.StartsWith("package/", StringComparison.Ordinal))
               .Order(StringComparer.Ordinal)
               .ToList();
}
