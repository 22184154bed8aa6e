using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis.CSharp;

namespace NativeSockets.Generators.Tests.Platforms;

/// <summary>Puts a value after one byte: the padding in between is the value's alignment.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct AlignmentProbe<T>
    where T : unmanaged
{
    public byte Before;
    public T Value;
}

/// <summary>
/// Compiles generated code and measures its structs as the runtime lays them out: size
/// (<see cref="Unsafe.SizeOf{T}"/>), alignment (the padding before it in <see cref="AlignmentProbe{T}"/>),
/// field offsets (<see cref="Marshal.OffsetOf(Type, string)"/>) and field sizes.
/// </summary>
internal sealed class ManagedLayout
{
    private static readonly MethodInfo SizeOfMethod = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;

    private readonly Assembly _assembly;

    private ManagedLayout(Assembly assembly) => _assembly = assembly;

    /// <summary>Compiles <paramref name="compilation"/> and loads it; fails with the compiler's errors.</summary>
    public static ManagedLayout Load(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated code does not compile:\n" + string.Join("\n", result.Diagnostics));
        }

        return new ManagedLayout(Assembly.Load(image.ToArray()));
    }

    public Type Struct(string className, string structName) =>
        _assembly.GetType($"NativeSockets.Interop.{className}+{structName}", throwOnError: true)!;

    public static int SizeOf(Type type) =>
        type.IsPointer ? IntPtr.Size : (int)SizeOfMethod.MakeGenericMethod(type).Invoke(null, null)!;

    public static int AlignmentOf(Type type) =>
        SizeOf(typeof(AlignmentProbe<>).MakeGenericType(type)) - SizeOf(type);

    public static int OffsetOf(Type type, string field) => (int)Marshal.OffsetOf(type, field);

    public static int FieldSizeOf(Type type, string field) =>
        SizeOf(type.GetField(field, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!.FieldType);

    /// <summary>Every way the compiled structs of <paramref name="platform"/> differ from the expected layouts.</summary>
    public List<string> Compare(Model.PlatformModel platform, PlatformFacts facts)
    {
        var failures = new List<string>();
        foreach (var definition in platform.Structs)
        {
            // The facts where they hold the struct or field; the definitions (checked against headers or facts) elsewhere.
            facts.Structs.TryGetValue(PlatformFacts.StructKeyOf(definition.Name), out var fact);
            var type = Struct(platform.ClassName, Emit.CSharpNames.Identifier(definition.Name));
            var name = "struct " + definition.Name;
            Check($"sizeof({name})", fact?.Size ?? definition.Size, SizeOf(type));
            Check($"_Alignof({name})", fact?.Alignment ?? definition.Alignment, AlignmentOf(type));
            foreach (var field in definition.Fields)
            {
                var expected = fact is not null && fact.Fields.TryGetValue(field.Name, out var f) ? f : (field.Offset, field.Size);
                var member = Emit.CSharpNames.Identifier(field.Name).TrimStart('@');
                Check($"offsetof({name}, {field.Name})", expected.Offset, OffsetOf(type, member));
                Check($"sizeof({name}.{field.Name})", expected.Size, FieldSizeOf(type, member));
            }
        }

        return failures;

        void Check(string symbol, int expected, int actual)
        {
            if (expected != actual)
            {
                failures.Add($"{platform.Name}: {symbol}: expected {expected}, C# layout {actual}");
            }
        }
    }
}
