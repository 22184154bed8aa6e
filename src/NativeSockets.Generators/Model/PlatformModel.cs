namespace NativeSockets.Generators.Model;

/// <summary>
/// One platform's definitions after its includes are merged and every definition is checked: only
/// valid definitions remain, sorted by name; the problems found are in <see cref="Diagnostics"/>.
/// </summary>
internal sealed record PlatformModel(
    string Name,
    string ClassName,
    string Os,
    string Arch,
    string? Libc,
    string SourceFileName,
    EquatableArray<LibraryDefinition> Libraries,
    EquatableArray<TypeDefinition> Types,
    EquatableArray<ConstantDefinition> Constants,
    EquatableArray<StructDefinition> Structs,
    EquatableArray<FunctionDefinition> Functions,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// True when another file already defines this platform: the model carries only that diagnostic
    /// and nothing is emitted for it.
    /// </summary>
    public bool IsDuplicate { get; init; }

    /// <summary>The size of a pointer: 8 bytes on the 64-bit architectures (x64 and arm64, all the format knows).</summary>
    public int PointerSize => Arch.EndsWith("64", System.StringComparison.Ordinal) ? 8 : 4;

    /// <summary>
    /// Apple's arm64 ABI passes every variadic argument on the stack, while a fixed-arity call passes
    /// the first eight integer arguments in registers; the emitter pads calls to compensate.
    /// </summary>
    public bool PassesVariadicArgumentsOnStack => Os == "osx" && Arch == "arm64";
}
