using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>What the process holds, read from /proc: open descriptors and resident memory.</summary>
internal static class ProcessResources
{
    /// <summary>Growth allowed for the resident set over a run: GC heaps and JIT code, not a leak per call.</summary>
    public const long ResidentGrowthBound = 48L * 1024 * 1024;

    private static readonly TimeSpan TieringPause = TimeSpan.FromMilliseconds(300);

    public static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;

    /// <summary>
    /// Open socket descriptors only: what a socket test can leak, without the files the runtime keeps
    /// open for assemblies it loads on first use.
    /// </summary>
    public static int OpenSockets() =>
        Directory.GetFiles("/proc/self/fd").Count(fd => LinkTarget(fd)?.StartsWith("socket:", StringComparison.Ordinal) == true);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            // The descriptor was closed between listing and reading it.
            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="calls"/> once so the JIT, the GC heaps and the runtime's own descriptors reach
    /// their steady state, then again, and returns how much the open descriptors and
    /// <paramref name="memory"/> grew over that second run. A run that grows <paramref name="memory"/> by
    /// <paramref name="memoryBound"/> or more, or opens a descriptor, is measured again, up to
    /// <see cref="MeasuredRuns"/> times, and the least growth of each is returned: a leak grows every run
    /// by the same amount, while the runtime's own late work (a compile the loaded machine delayed, a
    /// cache filled once) lands in one run only.
    /// </summary>
    public static (int Descriptors, long Memory) GrowthOverSecondRun(Action calls, Func<long> memory, long memoryBound = long.MaxValue)
    {
        calls();

        // The runtime compiles the optimized code of methods the first run made hot in the background,
        // once no new method has started for a moment, and that compiler's memory comes from the C heap.
        Thread.Sleep(TieringPause);
        var least = (Descriptors: int.MaxValue, Memory: long.MaxValue);
        for (var run = 1; run <= MeasuredRuns; run++)
        {
            var (descriptors, growth) = MeasureOneRun(calls, memory, run);
            least = (Math.Min(least.Descriptors, descriptors), Math.Min(least.Memory, growth));
            if (least.Descriptors <= 0 && least.Memory < memoryBound)
            {
                break;
            }
        }

        return least;
    }

    /// <summary>How many measured runs a growth may be confirmed over before it counts as a leak.</summary>
    public const int MeasuredRuns = 3;

    private static (int Descriptors, long Memory) MeasureOneRun(Action calls, Func<long> memory, int run)
    {
        Settle();
        var descriptors = DescriptorTargets();
        var before = memory();

        calls();
        Settle();
        var descriptorsAfter = DescriptorTargets();
        var growth = memory() - before;
        var opened = descriptorsAfter.Except(descriptors).Select(fd => $"{fd.Key} -> {fd.Value}");
        var closed = descriptors.Except(descriptorsAfter).Select(fd => $"{fd.Key} -> {fd.Value}");
        Report($"measured run {run}: open descriptors: {descriptors.Count} before, {descriptorsAfter.Count} after " +
            $"(opened: [{string.Join(", ", opened)}], closed: [{string.Join(", ", closed)}]); memory growth: {growth} bytes");
        return (descriptorsAfter.Count - descriptors.Count, growth);
    }

    /// <summary>Each open descriptor's number and what it names (a file path, "socket:[inode]"...).</summary>
    private static Dictionary<string, string> DescriptorTargets() =>
        Directory.GetFiles("/proc/self/fd").ToDictionary(fd => Path.GetFileName(fd), fd => LinkTarget(fd) ?? "(closed)");

    /// <summary>Writes a measured figure to the test's output, which the runner's reports keep.</summary>
    public static void Report(string figure) => TestContext.Current.TestOutputHelper?.WriteLine(figure);

    /// <summary>
    /// Collects garbage and runs the finalizers it queues, twice, so a socket another test abandoned is
    /// closed before a count, not in the middle of one.
    /// </summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>Resident set size in bytes (the second field of /proc/self/statm, in pages).</summary>
    public static long ResidentBytes()
    {
        var fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }
}
