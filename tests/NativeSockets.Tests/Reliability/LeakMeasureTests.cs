using System.Collections.Generic;
using System.Runtime.InteropServices;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// The measure the leak tests rely on: it catches one small block or one descriptor lost per round, and
/// it does not count a single burst of growth (the runtime's own late work) as a leak.
/// </summary>
[Collection(nameof(RunsAlone))]
public class LeakMeasureTests
{
    private const int Rounds = 20_000;

    // musl's malloc reports nothing; the leak tests measure the resident set there instead.
    private const string NoHeapFigures = "the C library reports no heap figures (musl has no mallinfo2)";

    [PosixFact("reads the C heap with glibc's mallinfo2")]
    public void One_small_block_lost_per_round_exceeds_the_heap_bound()
    {
        Assert.SkipUnless(CHeap.IsMeasurable, NoHeapFigures);
        var blocks = new List<nint>();
        try
        {
            var (_, heap) = ProcessResources.GrowthOverSecondRun(
                () =>
                {
                    for (var i = 0; i < Rounds; i++)
                    {
                        blocks.Add(Marshal.AllocHGlobal(16));
                    }
                },
                CHeap.BytesInUse,
                CHeap.GrowthBound(Rounds));

            Assert.True(heap >= CHeap.GrowthBound(Rounds), $"{Rounds} lost 16-byte blocks (32 bytes each with glibc's header) grew the heap by only {heap} bytes");
        }
        finally
        {
            blocks.ForEach(Marshal.FreeHGlobal);
        }
    }

    [PosixFact("reads the C heap with glibc's mallinfo2")]
    public void Growth_in_one_run_only_is_not_counted_as_a_leak()
    {
        Assert.SkipUnless(CHeap.IsMeasurable, NoHeapFigures);
        var runs = 0;
        var burst = new List<nint>();
        try
        {
            var (_, heap) = ProcessResources.GrowthOverSecondRun(
                () =>
                {
                    // The first measured run (the second in all) keeps 4 MiB in small blocks, as a delayed
                    // compile would; blocks this small come from the heap malloc counts, not from mmap.
                    if (++runs == 2)
                    {
                        for (var i = 0; i < 16 * 1024; i++)
                        {
                            burst.Add(Marshal.AllocHGlobal(256));
                        }
                    }
                },
                CHeap.BytesInUse,
                CHeap.GrowthBound(Rounds));

            Assert.True(runs > 2, "the burst was accepted without a second measured run");
            Assert.True(heap < CHeap.GrowthBound(Rounds), $"a single burst was counted as growth of {heap} bytes");
        }
        finally
        {
            burst.ForEach(Marshal.FreeHGlobal);
        }
    }

    [PosixFact("counts descriptors in /proc/self/fd")]
    public void One_socket_lost_per_run_is_counted()
    {
        var lost = new List<SocketHandle>();
        try
        {
            var (descriptors, _) = ProcessResources.GrowthOverSecondRun(() => lost.Add(NativeSocket.CreateNativeSocket()), () => 0);

            Assert.Equal(1, descriptors);
        }
        finally
        {
            lost.ForEach(NativeSocket.Close);
        }
    }
}
