using System;
using NativeSockets.Tests.Support;
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
        if (OperatingSystem.IsWindows())
        {
            // The count below is of /proc/self/fd, which Windows does not have (under Wine it lists Wine's
            // own Unix descriptors, which come and go with its threads): the repeats still must give the
            // same documented result.
            for (var i = 0; i < Repeats; i++)
            {
                call();
            }

            return;
        }

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

    /// <summary>
    /// Skips a case of a handle that is not a socket under Wine 8, which answers WSAEOPNOTSUPP for a file
    /// handle in accept, bind, listen and send (WSAEINVAL in setsockopt) where Windows documents WSAENOTSOCK.
    /// </summary>
    public static void SkipFileHandleUnderWine(BadHandle kind) =>
        Assert.SkipWhen(RunningPlatform.IsWine && kind == BadHandle.NotASocket, "Wine 8 answers WSAEOPNOTSUPP or WSAEINVAL for some calls on a file handle where Windows documents WSAENOTSOCK");

    /// <summary>Asserts a -1 or OsInvalidSocket result came with <paramref name="errno"/>.</summary>
    public static void FailedWith(int errno, long result)
    {
        var actual = NativeSocket.LastError;
        Assert.Equal(-1, result);
        Assert.Equal(errno, actual);
    }
}
