namespace NativeSockets.Generators.Parsing;

/// <summary>A piece of a line and where it starts (a character offset into the file).</summary>
internal readonly record struct Token(string Text, int Start)
{
    public int End => Start + Text.Length;
}
