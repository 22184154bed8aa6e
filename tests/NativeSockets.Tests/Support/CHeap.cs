using System.Runtime.InteropServices;

namespace NativeSockets.Tests.Support;

/// <summary>The C heap as glibc's malloc sees it. Linux with glibc (mallinfo2).</summary>
internal static partial class CHeap
{
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
