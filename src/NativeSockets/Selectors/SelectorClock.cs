using System.Diagnostics;

namespace NativeSockets.Selectors;

/// <summary>
/// Deadlines on the high-resolution monotonic clock, in its own ticks, so a wait is never cut short by
/// rounding to milliseconds (<c>Environment.TickCount64</c> can also lag by a few milliseconds on Linux, a
/// coarse clock, which would fire timers late and end waits early).
/// </summary>
internal static class SelectorClock
{
    private static readonly long TicksPerMillisecond = Stopwatch.Frequency / 1000;

    /// <summary>Now, in ticks since an arbitrary start.</summary>
    public static long Now => Stopwatch.GetTimestamp();

    /// <summary>The deadline <paramref name="milliseconds"/> after <paramref name="now"/>.</summary>
    public static long After(long now, long milliseconds) => now + (milliseconds * TicksPerMillisecond);

    /// <summary><paramref name="milliseconds"/> in ticks.</summary>
    public static long Ticks(long milliseconds) => milliseconds * TicksPerMillisecond;

    /// <summary>The milliseconds from now to <paramref name="deadline"/>, rounded up, as a wait's timeout: 0 if past, -1 if none.</summary>
    public static int Until(long deadline, long now) =>
        deadline == long.MaxValue ? -1 : (int)System.Math.Clamp((deadline - now + TicksPerMillisecond - 1) / TicksPerMillisecond, 0, int.MaxValue);
}
