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

    /// <summary>Warms <paramref name="body"/> up for <see cref="WarmUp"/>, then times it over <paramref name="iterations"/>.</summary>
    public static Measurement Of(Action<long> body, long iterations)
    {
        var warmUp = Stopwatch.StartNew();
        do
        {
            body(Math.Max(1, iterations / 10));
        }
        while (warmUp.Elapsed < WarmUp);

        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        body(iterations);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        return new Measurement(elapsed.TotalNanoseconds / iterations, (double)bytes / iterations);
    }
}
