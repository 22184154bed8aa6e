using System.Diagnostics;
using NativeSockets.Selectors;
using NativeSockets.Tests.Reliability;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Selectors;

/// <summary>The AFD backend's handles (a completion port and <c>\Device\Afd</c> handles) counted in the process, alone.</summary>
[Collection(nameof(RunsAlone))]
public sealed class AfdBackendHandleTests
{
    [WindowsFact("AFD polls through an I/O completion port are Windows' readiness interface")]
    public void Backends_disposed_with_polls_in_flight_leave_no_handle_open()
    {
        using var pair = Connected.Tcp();
        Cycle(pair, 3);
        var before = HandleCount();
        Assert.True(before > 0, "the process reports no handles");

        Cycle(pair, 50);

        // Each backend holds at least two handles: 50 leaked backends would add 100 or more.
        Assert.InRange(HandleCount() - before, -20, 20);
    }

    /// <summary>Creates backends that each have a poll in flight on <paramref name="pair"/>, and disposes them.</summary>
    private static void Cycle(Connected pair, int backends)
    {
        for (var i = 0; i < backends; i++)
        {
            using var backend = AfdBackendTests.Create();
            backend.Add(pair.Native.Handle, 1, Event.Read);
            Assert.Empty(AfdBackendTests.Wait(backend, 0));
        }
    }

    private static int HandleCount()
    {
        using var process = Process.GetCurrentProcess();
        return process.HandleCount;
    }
}
