using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NativeSockets.Generators.Model;

/// <summary>
/// Where something was written in a definition file. A plain value: a <see cref="Location"/> would
/// keep the compilation alive and break caching, so one is made only when a diagnostic is reported.
/// </summary>
internal readonly record struct LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>The place as people write it: <c>file:line:column</c>, one-based.</summary>
    public override string ToString() =>
        $"{FilePath}:{LineSpan.Start.Line + 1}:{LineSpan.Start.Character + 1}";
}
