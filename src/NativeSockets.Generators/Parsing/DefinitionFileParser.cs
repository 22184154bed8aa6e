using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using NativeSockets.Generators.Diagnostics;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Parsing;

/// <summary>
/// Reads one definition file into a <see cref="DefinitionFile"/>. Never throws on bad input: every
/// problem becomes a diagnostic at the file, line and column where it was written, and the rest of
/// the file is still read.
/// </summary>
internal sealed partial class DefinitionFileParser
{
    private static readonly string[] Directives =
        { "platform", "os", "arch", "libc", "library", "include", "type", "const", "struct", "end", "function" };

    private readonly string _path;
    private readonly SourceText _text;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<IncludeDirective> _includes = new();
    private readonly List<LibraryDefinition> _libraries = new();
    private readonly List<TypeDefinition> _types = new();
    private readonly List<ConstantDefinition> _constants = new();
    private readonly List<StructDefinition> _structs = new();
    private readonly List<FunctionDefinition> _functions = new();
    private PlatformHeader? _platform;
    private OpenStruct? _openStruct;

    private DefinitionFileParser(string path, SourceText text)
    {
        _path = path;
        _text = text;
    }

    public static DefinitionFile Parse(string path, SourceText text, CancellationToken cancellationToken)
    {
        var parser = new DefinitionFileParser(path, text);
        try
        {
            parser.ReadAllLines(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fault of ours must not take the compilation down with it (CS8785): say what happened instead.
            // The text itself may be what failed, so the location is the file's start without reading its lines.
            var start = new LocationInfo(path, default, default);
            parser.Report(DiagnosticDescriptors.InternalError, start, FileNameOf(path), exception.Message);
        }

        return parser.Build();
    }

    public static string FileNameOf(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private void ReadAllLines(CancellationToken cancellationToken)
    {
        foreach (var line in _text.Lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var content = _text.ToString(line.Span);
            var comment = content.IndexOf('#');
            if (comment >= 0)
            {
                content = content.Substring(0, comment);
            }

            var tokens = SplitWords(content, line.Start);
            if (tokens.Count > 0)
            {
                ReadLine(tokens, content, line.Start);
            }
        }

        if (_openStruct is { } open)
        {
            Report(DiagnosticDescriptors.UnclosedStruct, open.Location, open.Name);
            CloseStruct();
        }
    }

    private void ReadLine(List<Token> tokens, string content, int lineStart)
    {
        var keyword = tokens[0].Text;
        if (_openStruct is not null)
        {
            if (keyword == "end")
            {
                ExpectCount(tokens, 1, "'end' line", "'end' takes nothing after it");
                CloseStruct();
                return;
            }

            if (tokens.Count < 2 || !tokens[1].Text.StartsWith("@", StringComparison.Ordinal))
            {
                if (Array.IndexOf(Directives, keyword) >= 0)
                {
                    // A directive inside a struct block means the block was never closed.
                    Report(DiagnosticDescriptors.UnclosedStruct, _openStruct.Location, _openStruct.Name);
                    CloseStruct();
                    ReadLine(tokens, content, lineStart);
                    return;
                }
            }

            ReadField(tokens, content, lineStart);
            return;
        }

        switch (keyword)
        {
            case "platform": ReadPlatform(tokens); break;
            case "os":
            case "arch":
            case "libc": ReadPlatformProperty(tokens); break;
            case "library": ReadLibrary(tokens); break;
            case "include": ReadInclude(tokens); break;
            case "type": ReadType(tokens); break;
            case "const": ReadConstant(tokens, content, lineStart); break;
            case "struct": ReadStructHeader(tokens); break;
            case "function": ReadFunction(tokens, content, lineStart); break;
            case "end":
                Report(DiagnosticDescriptors.MisplacedLine, Locate(tokens[0]), "'end' closes a struct block, but no struct is open");
                break;
            default:
                Report(DiagnosticDescriptors.UnknownDirective, Locate(tokens[0]), keyword, string.Join(", ", Directives.Where(d => d != "end")));
                break;
        }
    }

    private DefinitionFile Build() => new(
        _path,
        FileNameOf(_path),
        _platform,
        _includes.ToEquatableArray(),
        _libraries.ToEquatableArray(),
        _types.ToEquatableArray(),
        _constants.ToEquatableArray(),
        _structs.ToEquatableArray(),
        _functions.ToEquatableArray(),
        _diagnostics.ToEquatableArray());

    private static List<Token> SplitWords(string content, int lineStart)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < content.Length)
        {
            if (char.IsWhiteSpace(content[i]))
            {
                i++;
                continue;
            }

            var begin = i;
            while (i < content.Length && !char.IsWhiteSpace(content[i]))
            {
                i++;
            }

            tokens.Add(new Token(content.Substring(begin, i - begin), lineStart + begin));
        }

        return tokens;
    }

    private bool ExpectCount(List<Token> tokens, int count, string what, string form)
    {
        if (tokens.Count == count)
        {
            return true;
        }

        var at = tokens.Count > count ? tokens[count] : tokens[tokens.Count - 1];
        Report(DiagnosticDescriptors.Syntax, Locate(at), what, form);
        return false;
    }

    private LocationInfo Locate(Token token) => Locate(token.Start, token.End);

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    private LocationInfo Locate(Token first, Token last) => Locate(first.Start, last.End);

    private LocationInfo Locate(int start, int end)
    {
        start = Math.Min(start, _text.Length);
        var span = TextSpan.FromBounds(start, Math.Max(start, Math.Min(end, _text.Length)));
        return new LocationInfo(_path, span, _text.Lines.GetLinePositionSpan(span));
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    /// <summary>A struct block whose fields are still being read.</summary>
    private sealed class OpenStruct
    {
        public OpenStruct(string name, int size, int alignment, LocationInfo location)
        {
            Name = name;
            Size = size;
            Alignment = alignment;
            Location = location;
        }

        public string Name { get; }

        public int Size { get; }

        public int Alignment { get; }

        public LocationInfo Location { get; }

        public List<FieldDefinition> Fields { get; } = new();
    }
}
