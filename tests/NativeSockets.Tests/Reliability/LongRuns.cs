using System;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// The opt-in long variants of the leak and load tests: with NATIVESOCKETS_LONG_RUNS=1 every count is
/// ten times larger (a million calls of each kind, a hundred thousand connections).
/// </summary>
internal static class LongRuns
{
    public const string Switch = "NATIVESOCKETS_LONG_RUNS";

    private const int Factor = 10;

    public static bool Enabled => Environment.GetEnvironmentVariable(Switch) == "1";

    /// <summary><paramref name="count"/>, or ten times it in a long run.</summary>
    public static int Scale(int count) => Enabled ? checked(count * Factor) : count;
}
