using System.Collections.Generic;
using NativeSockets.Generators.Diagnostics;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Parsing;

/// <summary>The reader of <c>function</c> lines: <c>function LIBRARY [errno|lasterror] [nogctransition] [entry=SYMBOL] [name=CSHARP-NAME] [version=SYMBOL-VERSION] PROTOTYPE</c>.</summary>
internal sealed partial class DefinitionFileParser
{
    private const string FunctionForm = "write 'function LIBRARY [errno] [nogctransition] [entry=SYMBOL] [name=CSHARP-NAME] [version=SYMBOL-VERSION] RETURN-TYPE NAME(PARAMETERS)'";

    private void ReadFunction(List<Token> tokens, string content, int lineStart)
    {
        if (tokens.Count < 3)
        {
            Report(DiagnosticDescriptors.Syntax, Locate(tokens[tokens.Count - 1]), "'function' line", FunctionForm);
            return;
        }

        var library = tokens[1];
        if (!CTokenizer.IsIdentifier(library.Text))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(library), "'function' line", $"'{library.Text}' is not a library alias; {FunctionForm}");
            return;
        }

        var setsLastError = false;
        Token? noGCTransition = null;
        string? entryPoint = null;
        string? managedName = null;
        string? symbolVersion = null;
        var next = 2;
        for (; next < tokens.Count; next++)
        {
            var flag = tokens[next].Text;
            if (flag is "errno" or "lasterror")
            {
                setsLastError = true;
            }
            else if (flag == "nogctransition")
            {
                noGCTransition = tokens[next];
            }
            else if (flag.StartsWith("entry=", System.StringComparison.Ordinal))
            {
                entryPoint = flag.Substring("entry=".Length);
                if (!CTokenizer.IsIdentifier(entryPoint))
                {
                    Report(DiagnosticDescriptors.Syntax, Locate(tokens[next]), "'function' line", $"'{entryPoint}' is not a valid symbol name");
                    return;
                }
            }
            else if (flag.StartsWith("name=", System.StringComparison.Ordinal))
            {
                managedName = flag.Substring("name=".Length);
                if (!CTokenizer.IsIdentifier(managedName))
                {
                    Report(DiagnosticDescriptors.Syntax, Locate(tokens[next]), "'function' line", $"'{managedName}' is not a valid C# name");
                    return;
                }
            }
            else if (flag.StartsWith("version=", System.StringComparison.Ordinal))
            {
                symbolVersion = flag.Substring("version=".Length);
                if (!IsSymbolVersion(symbolVersion))
                {
                    Report(DiagnosticDescriptors.Syntax, Locate(tokens[next]), "'function' line", $"'{symbolVersion}' is not a symbol version (letters, digits, '_' and '.')");
                    return;
                }
            }
            else
            {
                break;
            }
        }

        if (next >= tokens.Count)
        {
            Report(DiagnosticDescriptors.Syntax, Locate(tokens[tokens.Count - 1]), "'function' line", "the prototype is missing; " + FunctionForm);
            return;
        }

        var prototypeStart = tokens[next].Start;
        var cTokens = new List<Token>();
        if (!CTokenizer.TryTokenize(content.Substring(prototypeStart - lineStart), prototypeStart, cTokens, out var bad))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(bad), "prototype", $"'{bad.Text}' cannot appear in a C prototype");
            return;
        }

        if (TryReadPrototype(cTokens, out var name, out var returnType, out var parameters, out var variadicIndex))
        {
            // A call that can block must let the GC run meanwhile: the flag is refused (and dropped).
            var suppressesGCTransition = noGCTransition is not null && !BlockingCalls.Names.Contains(name.Text);
            if (noGCTransition is { } refused && !suppressesGCTransition)
            {
                Report(DiagnosticDescriptors.BlockingCallWithoutGCTransition, Locate(refused), name.Text);
            }

            _functions.Add(new FunctionDefinition(
                name.Text, entryPoint ?? name.Text, library.Text, setsLastError, returnType, parameters.ToEquatableArray(), variadicIndex, Locate(name), suppressesGCTransition, managedName, symbolVersion));
        }
    }

    /// <summary>An ELF version name such as FBSD_1.5 or GLIBC_2.34.</summary>
    private static bool IsSymbolVersion(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private bool TryReadPrototype(
        List<Token> tokens, out Token name, out CType returnType, out List<ParameterDefinition> parameters, out int variadicIndex)
    {
        name = default;
        returnType = null!;
        parameters = new List<ParameterDefinition>();
        variadicIndex = -1;
        var open = tokens.FindIndex(t => t.Text == "(");
        if (open < 2 || !CTokenizer.IsIdentifier(tokens[open - 1].Text))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(open < 0 ? tokens[tokens.Count - 1] : tokens[open]), "prototype", "expected RETURN-TYPE NAME( before the parameters");
            return false;
        }

        name = tokens[open - 1];
        if (tokens[tokens.Count - 1].Text != ")" || tokens.FindIndex(open + 1, t => t.Text == "(") >= 0)
        {
            Report(DiagnosticDescriptors.Syntax, Locate(tokens[tokens.Count - 1]), "prototype", "the parameter list must end the line with ')' and cannot hold parentheses");
            return false;
        }

        if (!CTypeParser.TryParse(tokens, 0, open - 1, allowArray: false, out returnType, out var error, out var at))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(at), "return type", error);
            return false;
        }

        var close = tokens.Count - 1;
        if (close == open + 2 && tokens[open + 1].Text == "void")
        {
            return true;
        }

        var segmentStart = open + 1;
        for (var i = open + 1; i <= close; i++)
        {
            if (i < close && tokens[i].Text != ",")
            {
                continue;
            }

            if (!TryReadParameter(tokens, segmentStart, i, parameters, ref variadicIndex))
            {
                return false;
            }

            segmentStart = i + 1;
        }

        return true;
    }

    private bool TryReadParameter(List<Token> tokens, int from, int to, List<ParameterDefinition> parameters, ref int variadicIndex)
    {
        if (from < to && tokens[from].Text == "...")
        {
            if (variadicIndex >= 0)
            {
                Report(DiagnosticDescriptors.Syntax, Locate(tokens[from]), "prototype", "'...' may appear once");
                return false;
            }

            variadicIndex = parameters.Count;
            from++;
        }

        if (from >= to)
        {
            var at = from < tokens.Count ? tokens[from] : tokens[tokens.Count - 1];
            var message = variadicIndex == parameters.Count
                ? "write the arguments passed after '...' with their types and names, e.g. '... int arg'"
                : "a parameter is missing";
            Report(DiagnosticDescriptors.Syntax, Locate(at), "prototype", message);
            return false;
        }

        var nameToken = tokens[to - 1];
        if (!CTokenizer.IsIdentifier(nameToken.Text) || to - 1 == from)
        {
            Report(DiagnosticDescriptors.Syntax, Locate(nameToken), "prototype", "every parameter needs a type and a name");
            return false;
        }

        if (!CTypeParser.TryParse(tokens, from, to - 1, allowArray: false, out var type, out var error, out var errorAt))
        {
            Report(DiagnosticDescriptors.Syntax, Locate(errorAt), "parameter", error);
            return false;
        }

        var earlier = parameters.Find(p => p.Name == nameToken.Text);
        if (earlier is not null)
        {
            Report(DiagnosticDescriptors.Duplicate, Locate(nameToken), "Parameter", nameToken.Text, "the same prototype");
            return false;
        }

        parameters.Add(new ParameterDefinition(nameToken.Text, type));
        return true;
    }
}
