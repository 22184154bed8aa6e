using System.Diagnostics;

namespace NativeSockets.Selectors;

/// <summary>
/// Milliseconds of the high-resolution monotonic clock. <c>Environment.TickCount64</c> can lag by a few
/// milliseconds on Linux (a coarse clock), which would fire timers late and end waits early.
/// </summary>
internal static class SelectorClock
{
    private static readonly long TicksPerMillisecond = Stopwatch.Frequency / 1000;

    /// <summary>Now, in milliseconds since an arbitrary start.</summary>
    public static long Now => Stopwatch.GetTimestamp() / TicksPerMillisecond;

    /// <summary>The milliseconds from now to <paramref name="deadline"/> as a wait's timeout: 0 if past, -1 if none.</summary>
    public static int Until(long deadline, long now) =>
        deadline == long.MaxValue ? -1 : (int)System.Math.Clamp(deadline - now, 0, int.MaxValue);
}
