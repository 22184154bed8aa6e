using System;

namespace NativeSockets.Consumers;

/// <summary>
/// Prints each step of a tour with its result, "ok" or "!!" when it was not the expected one, and turns
/// the whole into an exit code: 0 when every step was as expected, 1 otherwise.
/// </summary>
internal sealed class TourChecks
{
    private int _steps;
    private int _failures;

    public void Check(string step, bool asExpected, object? result)
    {
        _steps++;
        if (!asExpected)
        {
            _failures++;
        }

        Console.WriteLine($"  {(asExpected ? "ok" : "!!")}  {step} -> {result}");
    }

    /// <summary>Runs <paramref name="tour"/>; an exception is a failed step, never a crash with a stack dump.</summary>
    public int Run(string title, Action<TourChecks> tour)
    {
        Console.WriteLine(title);
        try
        {
            tour(this);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Check("the tour threw", false, $"{e.GetType().Name}: {e.Message}");
        }

        Console.WriteLine(_failures == 0 ? $"All {_steps} steps as expected." : $"FAILED: {_failures} of {_steps} steps not as expected.");
        return _failures == 0 ? 0 : 1;
    }
}
