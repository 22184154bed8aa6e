using System;
using System.Runtime.InteropServices;

namespace NativeSockets.Tests.Support;

/// <summary>The C heap as glibc's malloc sees it. Linux with glibc (mallinfo2).</summary>
internal static partial class CHeap
{
    // glibc's smallest block on 64-bit: a block leaked once per round adds at least this much per round.
    private const int SmallestBlock = 32;

    /// <summary>
    /// How much the heap may grow over <paramref name="rounds"/> rounds of calls: half of what one leaked
    /// block per round would add, and at least 256 KiB for the runtime's own compiles and caches.
    /// </summary>
    public static long GrowthBound(int rounds) => Math.Max(256 * 1024, (long)rounds * SmallestBlock / 2);

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
