namespace NativeSockets.Generators.Model;

/// <summary>
/// The platform-neutral view of all platforms: each constant, function and struct under one C#
/// type that fits every platform defining it, with how each platform provides it.
/// </summary>
internal sealed record FacadeModel(
    EquatableArray<FacadePlatform> Platforms,
    EquatableArray<FacadeConstant> Constants,
    EquatableArray<FacadeFunction> Functions,
    EquatableArray<FacadeStruct> Structs,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A platform the running process may be, and how to recognise it.</summary>
internal sealed record FacadePlatform(string Name, string ClassName, string Os, string Arch, string? Libc);

/// <summary>How one platform provides a member: its class and the C# type there.</summary>
internal sealed record FacadeBinding(string ClassName, string Type);

/// <summary>A constant: <see cref="Type"/> holds the value on every platform in <see cref="Bindings"/>.</summary>
internal sealed record FacadeConstant(string Name, string Type, EquatableArray<FacadeBinding> Bindings);

/// <summary>A function parameter under its platform-neutral type.</summary>
internal sealed record FacadeParameter(string Name, string Type);

/// <summary>How one platform provides a function: its return and parameter types there.</summary>
internal sealed record FacadeFunctionBinding(string ClassName, string ReturnType, EquatableArray<string> ParameterTypes);

/// <summary>A function under one signature, converted to each platform's own on the way in and out.</summary>
internal sealed record FacadeFunction(
    string Name, string ReturnType, EquatableArray<FacadeParameter> Parameters, EquatableArray<FacadeFunctionBinding> Bindings);

/// <summary>How one platform lays out a struct field: its type there and, for arrays, the length.</summary>
internal sealed record FacadeFieldBinding(string ClassName, string Type, int ArrayLength);

/// <summary>The kind of value a struct field holds, which decides how a view exposes it.</summary>
internal enum FacadeFieldKind
{
    /// <summary>An integer or a pointer: a get/set property.</summary>
    Value,

    /// <summary>A struct held by value: a view of it.</summary>
    Struct,

    /// <summary>A fixed array of integers: a span over it.</summary>
    Array,
}

/// <summary>A struct field under one type.</summary>
internal sealed record FacadeField(string Name, FacadeFieldKind Kind, string Type, EquatableArray<FacadeFieldBinding> Bindings);

/// <summary>A struct: its size on each platform (in <see cref="Bindings"/>' types) and its fields.</summary>
internal sealed record FacadeStruct(string Name, EquatableArray<FacadeBinding> Bindings, EquatableArray<FacadeField> Fields);
