using System;
using System.Diagnostics;

namespace NativeSockets.Workloads;

/// <summary>One timed run: mean nanoseconds and managed bytes allocated per operation.</summary>
internal readonly record struct Measurement(double NanosecondsPerOp, double BytesPerOp)
{
    /// <summary>
    /// How long each run warms up before it is timed. The JIT promotes a method to optimized code only
    /// after call counting starts, 100 ms into a quiet period, so a shorter warm-up would time
    /// unoptimized code.
    /// </summary>
    public static TimeSpan WarmUp { get; set; } = TimeSpan.FromMilliseconds(300);

    // Where the timed loop of the current run began and ended, when its workload has set-up and
    // tear-down to leave out (ends at 0: the loop ends with the run).
    [ThreadStatic]
    private static long loopStartTimestamp, loopStartBytes, loopEndTimestamp, loopEndBytes;

    /// <summary>
    /// Called by a workload between its set-up (sockets to poll, lists to fill) and its loop: the
    /// measurement then times and counts from here, so a one-off cost is not read as a per-call one.
    /// </summary>
    public static void LoopStarts()
    {
        loopStartBytes = GC.GetAllocatedBytesForCurrentThread();
        loopStartTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Called by a workload that called <see cref="LoopStarts"/> when its loop is done, before its tear-down.</summary>
    public static void LoopEnds()
    {
        loopEndTimestamp = Stopwatch.GetTimestamp();
        loopEndBytes = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>Warms <paramref name="body"/> up for <see cref="WarmUp"/>, then times it over <paramref name="iterations"/>.</summary>
    public static Measurement Of(Action<long> body, long iterations)
    {
        var warmUp = Stopwatch.StartNew();
        do
        {
            body(Math.Max(1, iterations / 10));
        }
        while (warmUp.Elapsed < WarmUp);

        loopEndTimestamp = 0;
        LoopStarts();
        body(iterations);
        if (loopEndTimestamp == 0)
        {
            LoopEnds();
        }

        var bytes = loopEndBytes - loopStartBytes;
        var elapsed = Stopwatch.GetElapsedTime(loopStartTimestamp, loopEndTimestamp);
        return new Measurement(elapsed.TotalNanoseconds / iterations, (double)bytes / iterations);
    }
}
