using System;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// A hundred thousand getaddrinfo calls through each entry point, resolving and failing, leave the
/// descriptors and the C heap where they were: every list is freed once, and a failure allocates
/// nothing that outlives it. Numeric addresses and names refused before any query: no DNS.
/// </summary>
[Collection(nameof(RunsAlone))]
public unsafe class AddrInfoLeakTests
{
    private static readonly int Calls = LongRuns.Scale(100_000);

    [PosixFact("counts /proc/self/fd and glibc's heap")]
    public void GetAddrInfo_and_FreeAddrInfo_leak_nothing() => AssertLeaksNothing(() =>
    {
        for (var i = 0; i < Calls; i++)
        {
            var list = NativeSocket.GetAddrInfo("127.0.0.1", new Port(80));
            Assert.Equal(NativeSocket.ToInt(Domain.AF_INET), list->ai_family);
            NativeSocket.FreeAddrInfo(list);

            list = NativeSocket.GetAddrInfo("::1"u8, new Port(443), Domain.AF_INET6);
            Assert.Equal(NativeSocket.ToInt(Domain.AF_INET6), list->ai_family);
            NativeSocket.FreeAddrInfo(list);
        }
    });

    [PosixFact("counts /proc/self/fd and glibc's heap")]
    public void Failing_GetAddrInfo_leaks_nothing() => AssertLeaksNothing(() =>
    {
        for (var i = 0; i < Calls; i++)
        {
            Assert.Equal(Native.EAI_NONAME, Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo(string.Empty, new Port(80))).ErrorCode);
            Assert.Equal(Native.EAI_FAMILY, Assert.Throws<OSErrorException>(() => NativeSocket.GetAddrInfo("127.0.0.1"u8, new Port(80), Domain.AF_UNIX)).ErrorCode);
        }
    });

    private static void AssertLeaksNothing(Action calls)
    {
        var (measure, bound, what) = CHeap.LeakMeasure(Calls);
        var (descriptors, growth) = ProcessResources.GrowthOverSecondRun(calls, measure, bound);

        Assert.Equal(0, descriptors);
        Assert.True(growth < bound, $"The {what} grew by {growth / 1024} KiB over {Calls} rounds of calls.");
    }
}
