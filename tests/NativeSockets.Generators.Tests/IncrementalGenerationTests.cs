using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NativeSockets.Generators.Tests.Infrastructure;
using Xunit;

namespace NativeSockets.Generators.Tests;

/// <summary>The pipeline caches: unchanged input does no work, a change touches only what depends on it.</summary>
public class IncrementalGenerationTests
{
    private static readonly string[] StepNames =
        { NativeSocketsGenerator.StepNames.Parse, NativeSocketsGenerator.StepNames.Resolve, NativeSocketsGenerator.StepNames.Facade };

    [Fact]
    public void A_second_run_with_unchanged_input_is_fully_cached()
    {
        var files = GeneratorHarness.ShippedDefinitions().Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToArray();
        var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.PlatformDetectionStub);
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.Clone());
        var result = Assert.Single(driver.GetRunResult().Results);

        foreach (var step in StepNames)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_platform_file_leaves_the_others_cached()
    {
        var header = "os linux\narch x64\nlibc glibc\ntype int int32\n";
        var first = new InMemoryAdditionalText("native-defs/a-x64.defs", "platform a-x64\n" + header + "const A int 1\n");
        var second = new InMemoryAdditionalText("native-defs/b-x64.defs", "platform b-x64\n" + header + "const B int 2\n");
        var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.PlatformDetectionStub);
        var driver = GeneratorHarness.CreateDriver(new AdditionalText[] { first, second }).RunGenerators(compilation);

        var edited = new InMemoryAdditionalText(first.Path, "platform a-x64\n" + header + "const A int 3\n");
        driver = driver.ReplaceAdditionalText(first, edited).RunGenerators(compilation);
        var steps = Assert.Single(driver.GetRunResult().Results).TrackedSteps;

        var parse = steps[NativeSocketsGenerator.StepNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, parse);
        Assert.Contains(IncrementalStepRunReason.Cached, parse);
        var resolve = steps[NativeSocketsGenerator.StepNames.Resolve].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged }, resolve);
    }

    [Fact]
    public void Pipeline_values_hold_no_compilation_objects()
    {
        var files = GeneratorHarness.ShippedDefinitions().Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToArray();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.CreateCompilation(GeneratorHarness.PlatformDetectionStub));
        var result = Assert.Single(driver.GetRunResult().Results);

        foreach (var step in StepNames)
        {
            foreach (var (value, _) in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertHoldsNoBannedType(value, new HashSet<object>(ReferenceEqualityComparer.Instance), step);
            }
        }
    }

    private static void AssertHoldsNoBannedType(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SemanticModel or Location,
            $"{path} holds a {type.Name}, which keeps a compilation alive and defeats caching.");
        if (value is DiagnosticDescriptor || type.Namespace?.StartsWith("Microsoft.CodeAnalysis.Text", StringComparison.Ordinal) == true)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertHoldsNoBannedType(item, seen, path + "[]");
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoBannedType(field.GetValue(value), seen, path + "." + field.Name);
        }
    }
}
