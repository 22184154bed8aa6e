using System;
using System.Runtime.InteropServices;

namespace NativeSockets.Tests.Support;

/// <summary>The C heap as glibc's malloc sees it. Linux with glibc (mallinfo2).</summary>
internal static partial class CHeap
{
    // glibc's smallest block on 64-bit: a block leaked once per round adds at least this much per round.
    private const int SmallestBlock = 32;

    /// <summary>
    /// How much the heap may grow over <paramref name="rounds"/> rounds of calls: half of what one leaked block
    /// per round would add, and at least 256 KiB. The heap is the process's, so the runtime's own compiles
    /// and caches grow it too, the more so when a loaded machine delays them into the measured run
    /// (about 10 bytes per round was seen then, in one run of several); a real leak adds a whole block or
    /// more every round, and other frees in the process can hide a little of it.
    /// </summary>
    public static long GrowthBound(int rounds) => Math.Max(256 * 1024, (long)rounds * SmallestBlock / 2);

    /// <summary>Whether the C library reports its heap: glibc has mallinfo2, musl nothing of the kind.</summary>
    public static bool IsMeasurable { get; } =
        NativeLibrary.TryLoad("libc", typeof(CHeap).Assembly, null, out var libc) && NativeLibrary.TryGetExport(libc, "mallinfo2", out _);

    /// <summary>
    /// What a leak test of <paramref name="rounds"/> rounds measures and how much growth it allows: the C heap
    /// where it is measurable, else the resident set, with the resident bound the other leak tests use.
    /// </summary>
    public static (Func<long> Measure, long Bound, string What) LeakMeasure(int rounds) => IsMeasurable
        ? (BytesInUse, GrowthBound(rounds), "C heap")
        : (Reliability.ProcessResources.ResidentBytes, Reliability.ProcessResources.ResidentGrowthBound, "resident set");

    /// <summary>The bytes malloc has handed out and not had back, over all arenas (<c>uordblks</c>).</summary>
    public static long BytesInUse() => (long)MallocInfo().uordblks;

    [LibraryImport("libc", EntryPoint = "mallinfo2")]
    private static partial MallInfo2 MallocInfo();

    /// <summary>glibc's <c>struct mallinfo2</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint arena;
        public nuint ordblks;
        public nuint smblks;
        public nuint hblks;
        public nuint hblkhd;
        public nuint usmblks;
        public nuint fsmblks;
        public nuint uordblks;
        public nuint fordblks;
        public nuint keepcost;
    }
}
