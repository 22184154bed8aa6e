using System.Numerics;

namespace NativeSockets.Generators.Model;

/// <summary><c>platform NAME</c> with the <c>os</c>, <c>arch</c> and <c>libc</c> lines that describe it.</summary>
internal sealed record PlatformHeader(string Name, string? Os, string? Arch, string? Libc, LocationInfo Location);

/// <summary><c>include FILE</c>: the definitions of another file in the same folder become part of this one.</summary>
internal sealed record IncludeDirective(string FileName, LocationInfo Location);

/// <summary><c>library ALIAS FILE</c>: a native library functions name by its alias.</summary>
internal sealed record LibraryDefinition(string Alias, string FileName, LocationInfo Location);

/// <summary><c>type C-NAME PRIMITIVE</c>: what a C scalar type is on the platform.</summary>
internal sealed record TypeDefinition(string Name, Primitive Primitive, LocationInfo Location);

/// <summary><c>const NAME C-TYPE VALUE</c>. <see cref="IsHex"/> keeps the written radix for the generated source.</summary>
internal sealed record ConstantDefinition(string Name, CType Type, BigInteger Value, bool IsHex, LocationInfo Location);

/// <summary>One field line of a struct: name, offset, size and C type, all as written.</summary>
internal sealed record FieldDefinition(string Name, int Offset, int Size, CType Type, LocationInfo Location);

/// <summary>A <c>struct NAME size N align N</c> block with its fields in offset order.</summary>
internal sealed record StructDefinition(string Name, int Size, int Alignment, EquatableArray<FieldDefinition> Fields, LocationInfo Location);

/// <summary>A named function parameter.</summary>
internal sealed record ParameterDefinition(string Name, CType Type);

/// <summary>
/// A <c>function</c> line. <see cref="VariadicIndex"/> is the index of the first parameter written
/// after <c>...</c> (the variadic arguments the binding passes), or -1 for a fixed-arity function.
/// <see cref="ManagedName"/> is the binding's C# name when the C name is taken in C# (C keeps struct
/// tags apart from functions: <c>struct kevent</c> and <c>kevent()</c>); <see cref="SymbolVersion"/> is
/// the ELF symbol version the definitions describe (the default version, which an unversioned lookup binds).
/// </summary>
internal sealed record FunctionDefinition(
    string Name,
    string EntryPoint,
    string Library,
    bool SetsLastError,
    CType ReturnType,
    EquatableArray<ParameterDefinition> Parameters,
    int VariadicIndex,
    LocationInfo Location,
    bool SuppressesGCTransition = false,
    string? ManagedName = null,
    string? SymbolVersion = null)
{
    public bool IsVariadic => VariadicIndex >= 0;

    /// <summary>The name of the binding in C#: <see cref="ManagedName"/>, or the C name.</summary>
    public string CSharpName => ManagedName ?? Name;
}

/// <summary>Everything one definition file says, as parsed, with the problems found on the way.</summary>
internal sealed record DefinitionFile(
    string Path,
    string FileName,
    PlatformHeader? Platform,
    EquatableArray<IncludeDirective> Includes,
    EquatableArray<LibraryDefinition> Libraries,
    EquatableArray<TypeDefinition> Types,
    EquatableArray<ConstantDefinition> Constants,
    EquatableArray<StructDefinition> Structs,
    EquatableArray<FunctionDefinition> Functions,
    EquatableArray<DiagnosticInfo> Diagnostics);
