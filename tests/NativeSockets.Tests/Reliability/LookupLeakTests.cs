using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// Lookups hold native memory only for the length of a call (the netdb scratch buffer, the getaddrinfo
/// list): tens of thousands of them, found and not found, leave descriptors and the C heap where they were.
/// </summary>
[Collection(nameof(RunsAlone))]
public class LookupLeakTests
{
    private static readonly int Calls = LongRuns.Scale(20_000);

    [PosixFact("counts descriptors in /proc/self/fd and the C heap with glibc's mallinfo2")]
    public void Lookups_that_succeed_and_fail_leak_neither_memory_nor_descriptors()
    {
        var (measure, bound, what) = CHeap.LeakMeasure(Calls);
        var (descriptors, growth) = ProcessResources.GrowthOverSecondRun(RunLookups, measure, bound);

        Assert.Equal(0, descriptors);
        Assert.True(growth < bound, $"The {what} grew by {growth / 1024} KiB over {Calls} rounds of lookups.");
    }

    private static void RunLookups()
    {
        for (var i = 0; i < Calls; i++)
        {
            Assert.Single(NativeSocket.EnumerateAddrInfo("127.0.0.1", new Port(80)));
            Assert.Throws<OSErrorException>(() => NativeSocket.EnumerateAddrInfo("::1", new Port(80)));
            Assert.Equal(80, NativeSocket.GetServByName("http", "tcp").Port.Value);
            Assert.Throws<OSErrorException>(() => NativeSocket.GetServByName("no-such-service", "tcp"));
            Assert.Equal("127.0.0.1", NativeSocket.GetHostByName("127.0.0.1").Name);
        }
    }
}
