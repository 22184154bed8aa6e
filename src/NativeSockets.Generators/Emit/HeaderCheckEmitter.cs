using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using NativeSockets.Generators.Model;
using NativeSockets.Generators.Resolution;

namespace NativeSockets.Generators.Emit;

/// <summary>What one header check measures.</summary>
internal enum HeaderCheckKind
{
    /// <summary><c>sizeof</c> of a declared scalar type.</summary>
    TypeSize,

    /// <summary>1 when a declared scalar type is signed, 0 when it is unsigned.</summary>
    TypeSigned,

    /// <summary>The value of a constant, converted to the type the definitions give it.</summary>
    Value,

    /// <summary><c>sizeof</c> of a struct.</summary>
    StructSize,

    /// <summary><c>_Alignof</c> of a struct.</summary>
    StructAlign,

    /// <summary><c>offsetof</c> of a field.</summary>
    FieldOffset,

    /// <summary><c>sizeof</c> of a field.</summary>
    FieldSize,

    /// <summary>That the headers declare a function (its address can be taken).</summary>
    Function,

    /// <summary>1 when the headers' prototype of a function is the one the definitions give, 0 otherwise.</summary>
    Prototype,
}

/// <summary>
/// One fact of a definition file as a C expression: <see cref="Expression"/> evaluates to the value the
/// headers give, <see cref="Expected"/> is what the definition file says. Functions have no value:
/// compiling the reference to them is the check.
/// </summary>
internal sealed record HeaderCheckItem(int Index, HeaderCheckKind Kind, string Symbol, string Expression, string CType, BigInteger Expected)
{
    /// <summary>The name of the C variable that holds the measured value.</summary>
    public string VariableName => "ns_check_" + Index.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Emits a C translation unit that checks a platform's definitions against its real headers, the way
/// Rust libc's ctest does: each fact is both a <c>_Static_assert</c> (compiling proves it) and a
/// constant (compiling with <c>-S -DNS_READBACK</c> gives the actual number in the assembly, so a
/// cross compiler reports what the headers say without running anything; <c>-DNS_PRINT</c> adds a
/// <c>main</c> that prints them).
/// </summary>
internal static class HeaderCheckEmitter
{
    /// <summary>Every fact of <paramref name="platform"/> except the names in <paramref name="notInHeaders"/>.</summary>
    public static IReadOnlyList<HeaderCheckItem> Items(PlatformModel platform, ICollection<string> notInHeaders)
    {
        var table = new TypeTable(platform.Types, platform.Structs, platform.PointerSize);
        var items = new List<HeaderCheckItem>();
        void Add(HeaderCheckKind kind, string symbol, string expression, string type, BigInteger expected) =>
            items.Add(new HeaderCheckItem(items.Count, kind, symbol, expression, type, expected));

        foreach (var type in platform.Types.Where(t => !notInHeaders.Contains(t.Name)))
        {
            Add(HeaderCheckKind.TypeSize, $"sizeof({type.Name})", $"sizeof({type.Name})", "long long", type.Primitive.Size(platform.PointerSize));
            Add(HeaderCheckKind.TypeSigned, $"signed({type.Name})", $"(({type.Name})-1 < ({type.Name})0)", "long long", type.Primitive.IsSigned() ? 1 : 0);
        }

        foreach (var constant in platform.Constants.Where(c => !notInHeaders.Contains(c.Name)))
        {
            table.TryGetScalar(constant.Type, out var primitive);
            Add(HeaderCheckKind.Value, constant.Name, ConstantExpression(constant.Name), FixedWidthName(primitive), constant.Value);
        }

        foreach (var definition in platform.Structs.Where(s => !notInHeaders.Contains(s.Name)))
        {
            var type = "struct " + definition.Name;
            Add(HeaderCheckKind.StructSize, $"sizeof({type})", $"sizeof({type})", "long long", definition.Size);
            Add(HeaderCheckKind.StructAlign, $"_Alignof({type})", $"_Alignof({type})", "long long", definition.Alignment);
            foreach (var field in definition.Fields)
            {
                Add(HeaderCheckKind.FieldOffset, $"offsetof({type}, {field.Name})", $"offsetof({type}, {field.Name})", "long long", field.Offset);
                Add(HeaderCheckKind.FieldSize, $"sizeof({type}.{field.Name})", $"sizeof((({type} *)0)->{field.Name})", "long long", field.Size);
            }
        }

        foreach (var function in platform.Functions.Where(f => !notInHeaders.Contains(f.Name)))
        {
            Add(HeaderCheckKind.Function, $"function {function.Name}", $"(const void *)&{function.Name}", "const void *", BigInteger.Zero);

            // A function bound to another symbol (glibc's __xpg_strerror_r) has another prototype under its C name.
            if (function.EntryPoint == function.Name)
            {
                Add(HeaderCheckKind.Prototype, $"prototype {CSharpNames.Prototype(function)}", PrototypeMatches(function), "long long", BigInteger.One);
            }
        }

        return items;
    }

    /// <summary>
    /// The C expression a constant's value is read from: its name, except for the function-like macros a
    /// definition file names with their argument (<c>CMSG_LEN_0</c> is <c>CMSG_LEN(0)</c>,
    /// <c>CMSG_SPACE_4</c> is <c>CMSG_SPACE(4)</c>), as the platform facts name them.
    /// </summary>
    internal static string ConstantExpression(string name)
    {
        foreach (var macro in ArgumentMacros)
        {
            var prefix = macro + "_";
            if (name.StartsWith(prefix, System.StringComparison.Ordinal)
                && name.Length > prefix.Length
                && name.Substring(prefix.Length).All(c => c is >= '0' and <= '9'))
            {
                return $"({macro}({name.Substring(prefix.Length)}))";
            }
        }

        return $"({name})";
    }

    /// <summary>The function-like macros <see cref="ConstantExpression"/> applies to a number.</summary>
    private static readonly string[] ArgumentMacros = { "CMSG_LEN", "CMSG_SPACE" };

    /// <summary>
    /// The C source for <paramref name="items"/>, leaving out those in <paramref name="skipped"/> (ones
    /// the headers do not declare, already reported). <paramref name="lines"/> maps each one-based
    /// source line that holds a check to that check's index, so compiler errors can name the symbol.
    /// </summary>
    public static string Source(PlatformModel platform, IEnumerable<HeaderCheckItem> items, ISet<int> skipped, out IReadOnlyDictionary<int, int> lines)
    {
        var kept = items.Where(i => !skipped.Contains(i.Index)).ToList();
        var map = new Dictionary<int, int>();
        var text = new StringBuilder();
        var lineNumber = 0;
        void Line(string line, int check = -1)
        {
            text.Append(line).Append('\n');
            lineNumber++;
            if (check >= 0)
            {
                map[lineNumber] = check;
            }
        }

        Line($"/* <auto-generated/> Header check for {platform.Name}, from native-defs/{platform.SourceFileName}. */");
        foreach (var line in Prelude(platform))
        {
            Line(line);
        }

        foreach (var line in SocketAddressArguments)
        {
            Line(line);
        }

        Line("#include <stddef.h>");
        Line("#include <stdint.h>");
        Line("#include <stdio.h>");
        Line(string.Empty);
        Line("#ifdef NS_READBACK");
        foreach (var item in kept)
        {
            var value = item.Kind == HeaderCheckKind.Function ? item.Expression : $"(long long)({item.CType})({item.Expression})";
            var type = item.Kind == HeaderCheckKind.Function ? "const void *const" : "const long long";
            Line($"{type} {item.VariableName} = {value};", item.Index);
        }

        Line("#else");
        foreach (var item in kept)
        {
            var message = $"\"{platform.Name}: {item.Symbol} is {item.Expected.ToString(CultureInfo.InvariantCulture)}\"";
            var condition = item.Kind == HeaderCheckKind.Function
                ? $"sizeof({item.Expression}) != 0"
                : $"({item.CType})({item.Expression}) == ({item.CType})({Literal(item.Expected)})";
            Line($"_Static_assert({condition}, {message});", item.Index);
        }

        Line("#endif");
        Line(string.Empty);
        Line("#if defined(NS_READBACK) && defined(NS_PRINT)");
        Line("int main(void)");
        Line("{");
        foreach (var item in kept.Where(i => i.Kind != HeaderCheckKind.Function))
        {
            Line($"    printf(\"{item.VariableName} %lld\\n\", {item.VariableName});");
        }

        Line("    return 0;");
        Line("}");
        Line("#endif");
        lines = map;
        return text.ToString();
    }

    /// <summary>What a Windows translation unit includes to see Winsock as the bindings use it.</summary>
    private static readonly string[] WindowsPrelude =
    {
        "#define WIN32_LEAN_AND_MEAN",
        "#define _WIN32_WINNT 0x0A00",
        "#include <winsock2.h>",
        "#include <ws2tcpip.h>",
        "#include <mswsock.h>",
        "#include <afunix.h>",
        "#include <windows.h>",
    };

    /// <summary>
    /// What a POSIX translation unit includes. glibc hides accept4, EAI_NODATA and friends unless asked
    /// for the GNU API; the other C libraries ignore the request. epoll and eventfd exist only on Linux.
    /// </summary>
    private static readonly string[] PosixPrelude =
    {
        "#define _GNU_SOURCE",
        "#include <sys/types.h>",
        "#include <sys/socket.h>",
        "#include <sys/un.h>",
        "#include <sys/ioctl.h>",
        "#include <sys/select.h>",
        "#include <sys/time.h>",
        "#include <sys/uio.h>",
        "#include <netinet/in.h>",
        "#include <netinet/tcp.h>",
        "#include <arpa/inet.h>",
        "#include <netdb.h>",
        "#include <fcntl.h>",
        "#include <poll.h>",
        "#include <unistd.h>",
        "#include <errno.h>",
        "#include <string.h>",
        "#ifdef __linux__",
        "#include <sys/epoll.h>",
        "#include <sys/eventfd.h>",
        "#endif",
    };

    /// <summary>
    /// glibc's GNU API declares the socket address parameters of sys/socket.h as transparent unions
    /// (<c>__SOCKADDR_ARG</c>), which callers pass <c>struct sockaddr *</c> to; a prototype may match
    /// either spelling.
    /// </summary>
    private static readonly string[] SocketAddressArguments =
    {
        "#if defined(__GLIBC__) && defined(__USE_GNU)",
        "#define NS_SOCKADDR_ARG __SOCKADDR_ARG",
        "#define NS_CONST_SOCKADDR_ARG __CONST_SOCKADDR_ARG",
        "#else",
        "#define NS_SOCKADDR_ARG struct sockaddr *",
        "#define NS_CONST_SOCKADDR_ARG const struct sockaddr *",
        "#endif",
    };

    /// <summary>A constant expression that is 1 when the declared function has the definition's prototype.</summary>
    private static string PrototypeMatches(FunctionDefinition function)
    {
        string PointerType(System.Func<CType, string> spell)
        {
            var fixedParameters = function.IsVariadic ? function.Parameters.Take(function.VariadicIndex) : function.Parameters;
            var parameters = fixedParameters.Select(p => spell(p.Type)).ToList();
            if (function.IsVariadic)
            {
                parameters.Add("...");
            }

            return $"{function.ReturnType.Spelling} (*)({(parameters.Count == 0 ? "void" : string.Join(", ", parameters))})";
        }

        static bool IsSocketAddress(CType type) => type.IsStruct && type.BaseName == "sockaddr" && type.PointerDepth == 1;
        var plain = PointerType(t => t.Spelling);
        var glibc = PointerType(t => IsSocketAddress(t) ? (t.IsConst ? "NS_CONST_SOCKADDR_ARG" : "NS_SOCKADDR_ARG") : t.Spelling);
        var check = $"__builtin_types_compatible_p(__typeof__(&{function.Name}), {plain})";
        return plain == glibc ? check : $"{check} || __builtin_types_compatible_p(__typeof__(&{function.Name}), {glibc})";
    }

    private static string[] Prelude(PlatformModel platform) => platform.Os == "windows" ? WindowsPrelude : PosixPrelude;

    private static string FixedWidthName(Primitive primitive) => primitive switch
    {
        Primitive.Int8 => "int8_t",
        Primitive.Int16 => "int16_t",
        Primitive.Int32 => "int32_t",
        Primitive.Int64 => "int64_t",
        Primitive.UInt8 => "uint8_t",
        Primitive.UInt16 => "uint16_t",
        Primitive.UInt32 => "uint32_t",
        Primitive.UInt64 => "uint64_t",
        Primitive.IntPtr => "intptr_t",
        _ => "uintptr_t",
    };

    private static string Literal(BigInteger value) =>
        value.Sign < 0 ? $"({value.ToString(CultureInfo.InvariantCulture)}LL)" : value.ToString(CultureInfo.InvariantCulture) + "ULL";
}
