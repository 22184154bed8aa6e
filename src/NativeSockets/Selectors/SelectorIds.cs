using System.Threading;

namespace NativeSockets.Selectors;

/// <summary>
/// Ids of timers and user events: negative numbers, unique in the process, so they share the selector's
/// key space with socket handles (which are never negative) without ever naming one.
/// </summary>
internal static class SelectorIds
{
    private static long s_last = -1;

    /// <summary>The next id: -2, -3, ...</summary>
    /// <exception cref="System.InvalidOperationException">The process used up the ids an <c>int</c> holds.</exception>
    public static int Next()
    {
        var id = Interlocked.Decrement(ref s_last);
        return id >= int.MinValue ? (int)id : throw new System.InvalidOperationException("No timer or event ids are left in this process.");
    }
}
