using System;
using System.Collections.Generic;
using System.Linq;
using NativeSockets.Generators.Diagnostics;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Parsing;

/// <summary>The readers of each kind of line.</summary>
internal sealed partial class DefinitionFileParser
{
    private static readonly string[] KnownOs = { "linux", "osx", "windows", "freebsd" };
    private static readonly string[] KnownArch = { "x64", "arm64" };
    private static readonly string[] KnownLibc = { "glibc", "musl" };

    private void ReadPlatform(List<Token> tokens)
    {
        if (!ExpectCount(tokens, 2, "'platform' line", "write 'platform NAME', e.g. 'platform linux-x64'"))
        {
            return;
        }

        var name = tokens[1];
        if (!IsPlatformName(name.Text))
        {
            Report(DiagnosticDescriptors.BadPlatformHeader, Locate(name), $"'{name.Text}' is not a platform name: use lowercase words joined by '-', e.g. linux-x64");
            return;
        }

        if (_platform is not null)
        {
            Report(DiagnosticDescriptors.Duplicate, Locate(tokens[0]), "platform line", name.Text, _platform.Location.ToString());
            return;
        }

        _platform = new PlatformHeader(name.Text, null, null, null, Locate(name));
    }

    private void ReadPlatformProperty(List<Token> tokens)
    {
        var keyword = tokens[0].Text;
        if (!ExpectCount(tokens, 2, $"'{keyword}' line", $"write '{keyword} VALUE'"))
        {
            return;
        }

        if (_platform is null)
        {
            Report(DiagnosticDescriptors.MisplacedLine, Locate(tokens[0]), $"'{keyword}' describes a platform: put a 'platform NAME' line before it");
            return;
        }

        var value = tokens[1].Text;
        var known = keyword switch { "os" => KnownOs, "arch" => KnownArch, _ => KnownLibc };
        if (Array.IndexOf(known, value) < 0)
        {
            Report(DiagnosticDescriptors.BadPlatformHeader, Locate(tokens[1]), $"'{value}' is not a known {keyword}; expected one of: {string.Join(", ", known)}");
            return;
        }

        var current = keyword switch { "os" => _platform.Os, "arch" => _platform.Arch, _ => _platform.Libc };
        if (current is not null)
        {
            Report(DiagnosticDescriptors.Duplicate, Locate(tokens[0]), $"'{keyword}' line", value, _platform.Location.ToString());
            return;
        }

        _platform = keyword switch
        {
            "os" => _platform with { Os = value },
            "arch" => _platform with { Arch = value },
            _ => _platform with { Libc = value },
        };
    }

    private void ReadLibrary(List<Token> tokens)
    {
        if (ExpectCount(tokens, 3, "'library' line", "write 'library ALIAS FILE', e.g. 'library libc libc.so.6'"))
        {
            if (!CTokenizer.IsIdentifier(tokens[1].Text))
            {
                Report(DiagnosticDescriptors.Syntax, Locate(tokens[1]), "'library' line", $"the alias '{tokens[1].Text}' must be an identifier");
                return;
            }

            _libraries.Add(new LibraryDefinition(tokens[1].Text, tokens[2].Text, Locate(tokens[1])));
        }
    }

    private void ReadInclude(List<Token> tokens)
    {
        if (ExpectCount(tokens, 2, "'include' line", "write 'include FILE', e.g. 'include posix.defs'"))
        {
            _includes.Add(new IncludeDirective(tokens[1].Text, Locate(tokens[1])));
        }
    }

    private void ReadType(List<Token> tokens)
    {
        if (tokens.Count < 3)
        {
            Report(DiagnosticDescriptors.Syntax, Locate(tokens[tokens.Count - 1]), "'type' line", "write 'type C-NAME PRIMITIVE', e.g. 'type socklen_t uint32'");
            return;
        }

        var primitiveToken = tokens[tokens.Count - 1];
        if (!PrimitiveFacts.TryParse(primitiveToken.Text, out var primitive))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(primitiveToken), "'type' line", $"'{primitiveToken.Text}' is not a primitive; expected one of: int8, int16, int32, int64, uint8, uint16, uint32, uint64, intptr, uintptr");
            return;
        }

        var words = tokens.Skip(1).Take(tokens.Count - 2).ToList();
        var badWord = words.FirstOrDefault(w => !CTokenizer.IsIdentifier(w.Text) || w.Text is "const" or "struct" or "void");
        if (badWord.Text is not null)
        {
            Report(DiagnosticDescriptors.Syntax, Locate(badWord), "'type' line", $"'{badWord.Text}' cannot be part of a scalar type name");
            return;
        }

        _types.Add(new TypeDefinition(string.Join(" ", words.Select(w => w.Text)), primitive, Locate(words[0], words[words.Count - 1])));
    }

    private void ReadConstant(List<Token> tokens, string content, int lineStart)
    {
        if (tokens.Count < 4)
        {
            Report(DiagnosticDescriptors.Syntax, Locate(tokens[tokens.Count - 1]), "'const' line", "write 'const NAME C-TYPE VALUE', e.g. 'const AF_INET6 int 10'");
            return;
        }

        var name = tokens[1];
        if (!CTokenizer.IsIdentifier(name.Text))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(name), "'const' line", $"'{name.Text}' is not a valid constant name");
            return;
        }

        var valueToken = tokens[tokens.Count - 1];
        if (!NumberParser.TryParse(valueToken.Text, out var value, out var isHex))
        {
            Report(DiagnosticDescriptors.BadNumber, Locate(valueToken), valueToken.Text, "constant value");
            return;
        }

        var typeText = content.Substring(name.End - lineStart, valueToken.Start - name.End);
        if (TryParseType(typeText, name.End, allowArray: false, "'const' line", out var type))
        {
            _constants.Add(new ConstantDefinition(name.Text, type, value, isHex, Locate(name)));
        }
    }

    private void ReadStructHeader(List<Token> tokens)
    {
        if (tokens.Count != 6 || tokens[2].Text != "size" || tokens[4].Text != "align")
        {
            Report(DiagnosticDescriptors.Syntax, Locate(tokens[Math.Min(tokens.Count - 1, 2)]), "'struct' line", "write 'struct NAME size BYTES align BYTES'");
            return;
        }

        var name = tokens[1];
        if (!CTokenizer.IsIdentifier(name.Text))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(name), "'struct' line", $"'{name.Text}' is not a valid struct name");
            return;
        }

        if (!NumberParser.TryParseCount(tokens[3].Text, out var size))
        {
            Report(DiagnosticDescriptors.BadNumber, Locate(tokens[3]), tokens[3].Text, "struct size");
            return;
        }

        if (!NumberParser.TryParseCount(tokens[5].Text, out var alignment))
        {
            Report(DiagnosticDescriptors.BadNumber, Locate(tokens[5]), tokens[5].Text, "struct alignment");
            return;
        }

        _openStruct = new OpenStruct(name.Text, size, alignment, Locate(name));
    }

    private void CloseStruct()
    {
        var open = _openStruct!;
        _openStruct = null;
        var fields = open.Fields.OrderBy(f => f.Offset).ThenBy(f => f.Name, StringComparer.Ordinal).ToEquatableArray();
        _structs.Add(new StructDefinition(open.Name, open.Size, open.Alignment, fields, open.Location));
    }

    private void ReadField(List<Token> tokens, string content, int lineStart)
    {
        if (tokens.Count < 4 || !tokens[1].Text.StartsWith("@", StringComparison.Ordinal))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(tokens[0]), "field line", "write 'NAME @OFFSET SIZE C-TYPE', e.g. 'sin_port @2 2 in_port_t'");
            return;
        }

        var name = tokens[0];
        if (!CTokenizer.IsIdentifier(name.Text))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(name), "field line", $"'{name.Text}' is not a valid field name");
            return;
        }

        if (!NumberParser.TryParseCount(tokens[1].Text.Substring(1), out var offset))
        {
            Report(DiagnosticDescriptors.BadNumber, Locate(tokens[1]), tokens[1].Text, "field offset (write @ and a decimal byte offset)");
            return;
        }

        if (!NumberParser.TryParseCount(tokens[2].Text, out var size))
        {
            Report(DiagnosticDescriptors.BadNumber, Locate(tokens[2]), tokens[2].Text, "field size");
            return;
        }

        var typeStart = tokens[3].Start;
        if (!TryParseType(content.Substring(typeStart - lineStart), typeStart, allowArray: true, "field line", out var type))
        {
            return;
        }

        var open = _openStruct!;
        var earlier = open.Fields.FirstOrDefault(f => f.Name == name.Text);
        if (earlier is not null)
        {
            Report(DiagnosticDescriptors.Duplicate, Locate(name), $"Field of struct '{open.Name}'", name.Text, earlier.Location.ToString());
            return;
        }

        open.Fields.Add(new FieldDefinition(name.Text, offset, size, type, Locate(name)));
    }

    private bool TryParseType(string text, int start, bool allowArray, string what, out CType type)
    {
        var cTokens = new List<Token>();
        if (!CTokenizer.TryTokenize(text, start, cTokens, out var bad))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(bad), what, $"'{bad.Text}' cannot appear in a C type");
            type = null!;
            return false;
        }

        if (!CTypeParser.TryParse(cTokens, 0, cTokens.Count, allowArray, out type, out var error, out var at))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(at.Text is null ? new Token(string.Empty, start) : at), what, error);
            return false;
        }

        return true;
    }

    private static bool IsPlatformName(string text) =>
        text.Length > 0 && text[0] != '-' && text[text.Length - 1] != '-'
        && text.All(c => c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '-')
        && !text.Contains("--");
}
