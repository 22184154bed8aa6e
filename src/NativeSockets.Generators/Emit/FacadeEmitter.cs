using System;
using System.Collections.Generic;
using System.Linq;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Emit;

/// <summary>
/// Emits <c>Native</c>, the one class the hand-written API calls: each member picks the running
/// platform's definition. The platform tests are JIT-time constants, so each member compiles down
/// to the one platform's constant, call or field access. Every accessor is marked for aggressive
/// inlining: before folding, its IL holds a branch per platform, too large for the JIT's inliner to take
/// on its own, and a call per field read would cost more than the read.
/// </summary>
internal static class FacadeEmitter
{
    private const string Source = "all files in native-defs";

    public static IEnumerable<(string HintName, string Source)> Emit(FacadeModel model)
    {
        yield return ("Native.Constants.g.cs", EmitConstants(model));
        yield return ("Native.Functions.g.cs", EmitFunctions(model));
        yield return ("Native.Structs.g.cs", EmitStructs(model));
        yield return ("Native.Defined.g.cs", EmitDefined(model));
        yield return ("PlatformDetection.g.cs", PlatformDetectionEmitter.Emit(model));
    }

    private static IndentedWriter OpenNative(string summary)
    {
        var writer = new IndentedWriter().FileHeader(Source);
        writer.Line($"/// <summary>{summary}</summary>");
        return writer.Open("internal static unsafe partial class Native");
    }

    private static string EmitConstants(FacadeModel model)
    {
        var writer = OpenNative("The native definitions of the running platform.");
        foreach (var constant in model.Constants)
        {
            writer.Separator();
            writer.Line($"/// <summary><c>{constant.Name}</c> on the running platform.</summary>");
            writer.Open($"internal static {constant.Type} {CSharpNames.Identifier(constant.Name)}");
            writer.Line(CSharpNames.AggressiveInlining);
            writer.Open("get");
            PerPlatform(writer, constant.Name, constant.Bindings, b => b.ClassName, b =>
                $"return {Convert($"global::NativeSockets.Interop.{b.ClassName}.{CSharpNames.Identifier(constant.Name)}", b.Type, constant.Type)};");
            writer.Close();
            writer.Close();
        }

        return writer.Close().ToString();
    }

    private static string EmitFunctions(FacadeModel model)
    {
        var writer = OpenNative("The native functions of the running platform.");
        foreach (var function in model.Functions)
        {
            var name = CSharpNames.Identifier(function.Name);
            var parameters = function.Parameters.Select(p => $"{p.Type} {CSharpNames.Identifier(p.Name)}");
            writer.Separator();
            writer.Line($"/// <summary><c>{function.Name}</c> on the running platform; errors are reported as that platform's binding reports them.</summary>");
            writer.Line(CSharpNames.AggressiveInlining);
            writer.Open($"internal static {function.ReturnType} {name}({string.Join(", ", parameters)})");
            PerPlatform(writer, function.Name, function.Bindings, b => b.ClassName, b =>
            {
                var arguments = function.Parameters.Select((p, i) => Convert(CSharpNames.Identifier(p.Name), p.Type, b.ParameterTypes[i]));
                var call = $"global::NativeSockets.Interop.{b.ClassName}.{name}({string.Join(", ", arguments)})";
                return function.ReturnType == "void" ? $"{{ {call}; return; }}" : $"return {Convert(call, b.ReturnType, function.ReturnType)};";
            });
            writer.Close();
        }

        return writer.Close().ToString();
    }

    private static string EmitStructs(FacadeModel model)
    {
        var writer = OpenNative("Views of native structs in the running platform's layout.");
        foreach (var definition in model.Structs)
        {
            var name = CSharpNames.Identifier(definition.Name);
            writer.Separator();
            writer.Line($"/// <summary>A <c>struct {definition.Name}</c> at an address, read and written in the running platform's layout.</summary>");
            writer.Open($"internal readonly unsafe ref struct {name}");
            writer.Line("private readonly void* _pointer;");
            writer.Line();
            writer.Line($"/// <summary>Views the <c>struct {definition.Name}</c> at <paramref name=\"pointer\"/>.</summary>");
            writer.Line($"internal {name}(void* pointer) => _pointer = pointer;");
            writer.Line();
            writer.Line("/// <summary>The address of the struct.</summary>");
            writer.Line("internal void* Pointer => _pointer;");
            writer.Line();
            writer.Line("/// <summary>The size of the struct in bytes.</summary>");
            writer.Open("internal static int Size");
            writer.Line(CSharpNames.AggressiveInlining);
            writer.Open("get");
            PerPlatform(writer, $"struct {definition.Name}", definition.Bindings, b => b.ClassName, b => $"return {b.Type};");
            writer.Close();
            writer.Close();
            foreach (var field in definition.Fields)
            {
                EmitField(writer, definition, field);
            }

            writer.Close();
        }

        return writer.Close().ToString();
    }

    private static void EmitField(IndentedWriter writer, FacadeStruct owner, FacadeField field)
    {
        var name = CSharpNames.Identifier(field.Name);
        var missing = $"{owner.Name}.{field.Name}";
        writer.Line();
        writer.Line($"/// <summary>Whether the running platform's <c>struct {owner.Name}</c> has <c>{field.Name}</c>.</summary>");
        writer.Line($"internal static bool Has_{field.Name} {{ {CSharpNames.AggressiveInlining} get => {string.Join(" || ", field.Bindings.Select(b => Is(b.ClassName)))}; }}");
        writer.Line();
        switch (field.Kind)
        {
            case FacadeFieldKind.Struct:
                writer.Line($"/// <summary>A view of the <c>{field.Name}</c> struct inside this one.</summary>");
                writer.Open($"internal {field.Type} {name}");
                writer.Line(CSharpNames.AggressiveInlining);
                writer.Open("get");
                PerPlatform(writer, missing, field.Bindings, b => b.ClassName, b => $"return new {field.Type}(&{Access(owner, b, name)});");
                writer.Close();
                writer.Close();
                break;

            case FacadeFieldKind.Array:
                writer.Line($"/// <summary>The elements of the <c>{field.Name}</c> array.</summary>");
                writer.Open($"internal global::System.Span<{field.Type}> {name}");
                writer.Line(CSharpNames.AggressiveInlining);
                writer.Open("get");
                PerPlatform(writer, missing, field.Bindings, b => b.ClassName, b => $"return new global::System.Span<{field.Type}>({Access(owner, b, name)}, {b.ArrayLength});");
                writer.Close();
                writer.Close();
                break;

            default:
                writer.Line($"/// <summary>The <c>{field.Name}</c> field.</summary>");
                writer.Open($"internal {field.Type} {name}");
                writer.Line(CSharpNames.AggressiveInlining);
                writer.Open("get");
                PerPlatform(writer, missing, field.Bindings, b => b.ClassName, b => $"return {Convert(Access(owner, b, name), b.Type, field.Type)};");
                writer.Close();
                writer.Line(CSharpNames.AggressiveInlining);
                writer.Open("set");
                PerPlatform(writer, missing, field.Bindings, b => b.ClassName, b => $"{{ {Access(owner, b, name)} = {Convert("value", field.Type, b.Type)}; return; }}");
                writer.Close();
                writer.Close();
                break;
        }
    }

    private static string EmitDefined(FacadeModel model)
    {
        var writer = OpenNative("Which native definitions the running platform has.");
        writer.Line("/// <summary>One flag per native name: true when the running platform defines it.</summary>");
        writer.Open("internal static class Defined");
        var names = model.Constants.Select(c => (c.Name, Classes: c.Bindings.Select(b => b.ClassName)))
            .Concat(model.Functions.Select(f => (f.Name, Classes: f.Bindings.Select(b => b.ClassName))))
            .Concat(model.Structs.Select(s => (s.Name, Classes: s.Bindings.Select(b => b.ClassName))))
            .OrderBy(n => n.Name, System.StringComparer.Ordinal);
        foreach (var (name, classes) in names)
        {
            writer.Separator();
            writer.Line($"/// <summary>Whether the running platform defines <c>{name}</c>.</summary>");
            writer.Line($"internal static bool {CSharpNames.Identifier(name)} {{ {CSharpNames.AggressiveInlining} get => {string.Join(" || ", classes.Select(Is))}; }}");
        }

        writer.Close();
        return writer.Close().ToString();
    }

    /// <summary>One line per platform that defines <paramref name="name"/>, then the throw for every other platform.</summary>
    private static void PerPlatform<T>(IndentedWriter writer, string name, IEnumerable<T> bindings, Func<T, string> className, Func<T, string> statement)
    {
        foreach (var binding in bindings)
        {
            writer.Line($"if ({Is(className(binding))}) {statement(binding)}");
        }

        writer.Line($"throw {CSharpNames.Detection}.Missing(\"{name}\");");
    }

    private static string Is(string className) => $"{CSharpNames.Detection}.Is{className}";

    private static string Access(FacadeStruct owner, FacadeFieldBinding binding, string field) =>
        $"((global::NativeSockets.Interop.{binding.ClassName}.{CSharpNames.Identifier(owner.Name)}*)_pointer)->{field}";

    /// <summary>Converts between a platform's type and the facade's (the same bits, widened or narrowed).</summary>
    private static string Convert(string expression, string from, string to) =>
        from == to ? expression : to.EndsWith("*", System.StringComparison.Ordinal) ? $"({to}){expression}" : $"unchecked(({to}){expression})";
}
