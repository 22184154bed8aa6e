using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using NativeSockets.Generators.Diagnostics;
using NativeSockets.Generators.Model;

namespace NativeSockets.Generators.Resolution;

/// <summary>
/// Turns parsed files into one <see cref="PlatformModel"/> per <c>platform</c> file: follows its
/// includes, rejects duplicates, and drops every definition that is wrong (with a diagnostic) so
/// the emitted code always compiles.
/// </summary>
internal static partial class PlatformResolver
{
    public static ImmutableArray<PlatformModel> Resolve(ImmutableArray<DefinitionFile> files, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, DefinitionFile>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (!byName.ContainsKey(file.FileName))
            {
                byName.Add(file.FileName, file);
            }
        }

        var models = ImmutableArray.CreateBuilder<PlatformModel>();
        var seenPlatforms = new Dictionary<string, DefinitionFile>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Platform is not null).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var header = file.Platform!;
            if (seenPlatforms.TryGetValue(header.Name, out var first))
            {
                var duplicate = DiagnosticInfo.Create(DiagnosticDescriptors.DuplicatePlatform, header.Location, header.Name, first.Path);
                models.Add(Empty(file, duplicate));
                continue;
            }

            seenPlatforms.Add(header.Name, file);
            models.Add(ResolvePlatform(file, byName));
        }

        return models.ToImmutable();
    }

    /// <summary>The C# class name of a platform: <c>linux-musl-x64</c> becomes <c>LinuxMuslX64</c>.</summary>
    public static string ClassNameOf(string platform) =>
        string.Concat(platform.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

    private static PlatformModel ResolvePlatform(DefinitionFile file, Dictionary<string, DefinitionFile> byName)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var header = file.Platform!;
        CheckHeader(header, diagnostics);
        var sources = CollectIncludes(file, byName, diagnostics);

        var libraries = Unique(sources.SelectMany(s => s.Libraries), l => l.Alias, l => l.Location, "Library", diagnostics);
        var types = Unique(sources.SelectMany(s => s.Types), t => t.Name, t => t.Location, "Type", diagnostics);
        var structs = Unique(sources.SelectMany(s => s.Structs), s => s.Name, s => s.Location, "struct", diagnostics);
        var constants = Unique(sources.SelectMany(s => s.Constants), c => c.Name, c => c.Location, "Constant", diagnostics);
        var functions = Unique(sources.SelectMany(s => s.Functions), f => f.Name, f => f.Location, "Function", diagnostics);

        var model = new PlatformModel(
            header.Name,
            ClassNameOf(header.Name),
            header.Os ?? string.Empty,
            header.Arch ?? string.Empty,
            header.Libc,
            file.FileName,
            libraries.ToEquatableArray(),
            types.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray(),
            EquatableArray<ConstantDefinition>.Empty,
            EquatableArray<StructDefinition>.Empty,
            EquatableArray<FunctionDefinition>.Empty,
            EquatableArray<DiagnosticInfo>.Empty);

        var table = new TypeTable(types, structs, model.PointerSize);
        var validStructs = ValidStructs(structs, table, header.Name, diagnostics);
        table = new TypeTable(types, validStructs, model.PointerSize);
        var validConstants = constants.Where(c => IsValidConstant(c, table, header.Name, diagnostics)).ToList();
        var libraryAliases = new HashSet<string>(libraries.Select(l => l.Alias), StringComparer.Ordinal);
        var validFunctions = functions.Where(f => IsValidFunction(f, table, libraryAliases, header.Name, diagnostics)).ToList();
        RejectNameClashes(validConstants, validStructs, validFunctions, diagnostics);

        return model with
        {
            Constants = validConstants.OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray(),
            Structs = validStructs.OrderBy(s => s.Name, StringComparer.Ordinal).ToEquatableArray(),
            Functions = validFunctions.OrderBy(f => f.Name, StringComparer.Ordinal).ToEquatableArray(),
            Diagnostics = diagnostics.ToEquatableArray(),
        };
    }

    private static PlatformModel Empty(DefinitionFile file, DiagnosticInfo diagnostic) => new(
        file.Platform!.Name,
        ClassNameOf(file.Platform.Name),
        file.Platform.Os ?? string.Empty,
        file.Platform.Arch ?? string.Empty,
        file.Platform.Libc,
        file.FileName,
        EquatableArray<LibraryDefinition>.Empty,
        EquatableArray<TypeDefinition>.Empty,
        EquatableArray<ConstantDefinition>.Empty,
        EquatableArray<StructDefinition>.Empty,
        EquatableArray<FunctionDefinition>.Empty,
        new EquatableArray<DiagnosticInfo>(new[] { diagnostic }))
    {
        IsDuplicate = true,
    };

    private static void CheckHeader(PlatformHeader header, List<DiagnosticInfo> diagnostics)
    {
        if (header.Os is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadPlatformHeader, header.Location, $"platform '{header.Name}' needs an 'os' line (linux, osx, windows or freebsd)"));
        }

        if (header.Arch is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadPlatformHeader, header.Location, $"platform '{header.Name}' needs an 'arch' line (x64 or arm64)"));
        }

        if (header.Os == "linux" && header.Libc is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadPlatformHeader, header.Location, $"platform '{header.Name}' runs Linux and needs a 'libc' line (glibc or musl)"));
        }

        if (header.Os is not null && header.Os != "linux" && header.Libc is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadPlatformHeader, header.Location, $"platform '{header.Name}' has a 'libc' line, which only Linux platforms take"));
        }
    }

    /// <summary>The file followed by everything it includes, depth first, each file once.</summary>
    private static List<DefinitionFile> CollectIncludes(DefinitionFile root, Dictionary<string, DefinitionFile> byName, List<DiagnosticInfo> diagnostics)
    {
        var result = new List<DefinitionFile>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Visit(root, new List<string>());
        return result;

        void Visit(DefinitionFile file, List<string> chain)
        {
            visited.Add(file.FileName);
            result.Add(file);
            chain.Add(file.FileName);
            foreach (var include in file.Includes)
            {
                if (chain.Contains(include.FileName))
                {
                    var cycle = string.Join(" -> ", chain.Concat(new[] { include.FileName }));
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncludeCycle, include.Location, include.FileName, cycle));
                }
                else if (!byName.TryGetValue(include.FileName, out var included))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncludeNotFound, include.Location, include.FileName));
                }
                else if (included.Platform is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MisplacedLine, include.Location, $"'{include.FileName}' is a platform file; only files without a 'platform' line can be included"));
                }
                else if (!visited.Contains(include.FileName))
                {
                    Visit(included, chain);
                }
            }

            chain.RemoveAt(chain.Count - 1);
        }
    }

    private static List<T> Unique<T>(IEnumerable<T> items, Func<T, string> name, Func<T, LocationInfo> location, string kind, List<DiagnosticInfo> diagnostics)
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        var result = new List<T>();
        foreach (var item in items)
        {
            if (seen.TryGetValue(name(item), out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Duplicate, location(item), kind, name(item), location(first).ToString()));
                continue;
            }

            seen.Add(name(item), item);
            result.Add(item);
        }

        return result;
    }

    private static void RejectNameClashes(
        List<ConstantDefinition> constants, List<StructDefinition> structs, List<FunctionDefinition> functions, List<DiagnosticInfo> diagnostics)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in structs)
        {
            owners[definition.Name] = "a struct";
        }

        constants.RemoveAll(c => Clashes(c.Name, "a constant", c.Location));
        functions.RemoveAll(f => Clashes(f.CSharpName, "a function", f.Location));

        bool Clashes(string name, string kind, LocationInfo location)
        {
            if (owners.TryGetValue(name, out var owner))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameClash, location, name, owner, kind));
                return true;
            }

            owners.Add(name, kind);
            return false;
        }
    }
}
