using System.Linq;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Emit;

/// <summary>
/// Emits the tests that recognise each defined platform. The operating system and architecture
/// checks are constants to the JIT and to NativeAOT; the C library check is a read-only static.
/// </summary>
internal static class PlatformDetectionEmitter
{
    public static string Emit(FacadeModel model)
    {
        var writer = new IndentedWriter().FileHeader("all files in native-defs");
        writer.Line("/// <summary>Which of the defined platforms the process runs on.</summary>");
        writer.Open("internal static partial class PlatformDetection");
        writer.Line("/// <summary>The platforms this assembly has definitions for.</summary>");
        writer.Line($"internal const string SupportedPlatforms = \"{string.Join(", ", model.Platforms.Select(p => p.Name))}\";");
        foreach (var platform in model.Platforms)
        {
            writer.Line();
            writer.Line($"/// <summary>True when the process runs on {platform.Name}.</summary>");
            writer.Open($"internal static bool Is{platform.ClassName}");
            writer.Line(CSharpNames.AggressiveInlining);
            writer.Line($"get => {Condition(platform)};");
            writer.Close();
        }

        writer.Line();
        writer.Line("/// <summary>The name of the running platform, or null when it is none of <see cref=\"SupportedPlatforms\"/>.</summary>");
        var chain = string.Concat(model.Platforms.Select(p => $"Is{p.ClassName} ? \"{p.Name}\" : "));
        writer.Line($"internal static string? CurrentPlatform => {chain}null;");
        return writer.Close().ToString();
    }

    private static string Condition(FacadePlatform platform)
    {
        var os = platform.Os switch
        {
            "linux" => "global::System.OperatingSystem.IsLinux()",
            "osx" => "global::System.OperatingSystem.IsMacOS()",
            "windows" => "global::System.OperatingSystem.IsWindows()",
            _ => "global::System.OperatingSystem.IsFreeBSD()",
        };
        var arch = platform.Arch == "arm64" ? "Arm64" : "X64";
        var condition = $"{os} && global::System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == global::System.Runtime.InteropServices.Architecture.{arch}";
        return platform.Libc switch
        {
            "glibc" => condition + " && !IsMusl",
            "musl" => condition + " && IsMusl",
            _ => condition,
        };
    }
}
