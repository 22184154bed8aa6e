using System;
using Xunit;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>
/// Runs one bad-input case: the case asserts its documented result, and running it again leaves the
/// process's open descriptors where they were.
/// </summary>
internal static class BadInputCase
{
    private const int Repeats = 3;

    /// <summary>Both values of a flag argument, for cases that try each.</summary>
    public static readonly bool[] BothWays = [false, true];

    public static void Run(Action call)
    {
        // The first run opens whatever the runtime opens on first use (assemblies, /etc files it caches).
        call();
        ProcessResources.Settle();
        var before = ProcessResources.OpenDescriptors();
        for (var i = 0; i < Repeats; i++)
        {
            call();
        }

        ProcessResources.Settle();
        Assert.Equal(before, ProcessResources.OpenDescriptors());
    }

    /// <summary>Asserts the exception names <paramref name="argument"/> and says something about it.</summary>
    public static T ThrowsFor<T>(string argument, Action call)
        where T : ArgumentException
    {
        var exception = Assert.Throws<T>(call);
        Assert.Equal(argument, exception.ParamName);
        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
        return exception;
    }

    /// <summary>Asserts a -1 or OsInvalidSocket result came with <paramref name="errno"/>.</summary>
    public static void FailedWith(int errno, long result)
    {
        var actual = NativeSocket.LastError;
        Assert.Equal(-1, result);
        Assert.Equal(errno, actual);
    }
}
