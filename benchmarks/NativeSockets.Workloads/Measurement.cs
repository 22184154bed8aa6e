using System;
using System.Diagnostics;

namespace NativeSockets.Workloads;

/// <summary>One timed run: mean nanoseconds and managed bytes allocated per operation.</summary>
internal readonly record struct Measurement(double NanosecondsPerOp, double BytesPerOp)
{
    /// <summary>Runs <paramref name="body"/> once to warm up, then times it over <paramref name="iterations"/>.</summary>
    public static Measurement Of(Action<long> body, long iterations)
    {
        body(Math.Max(1, iterations / 10));
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        body(iterations);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        return new Measurement(elapsed.TotalNanoseconds / iterations, (double)bytes / iterations);
    }
}
