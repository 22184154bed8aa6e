using System.Collections.Generic;
using System.Linq;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// A hundred thousand SelectRead and SelectWrite calls, ready, timed out and failing, with lists that
/// fit on the stack and lists one entry too long for it (pooled arrays), leave the descriptors and
/// the resident set where they were.
/// </summary>
[Collection(nameof(RunsAlone))]
public class SelectLeakTests
{
    private static readonly int Calls = LongRuns.Scale(100_000);

    [PosixTheory("counts /proc/self/fd and the resident set from /proc")]
    [InlineData(3)]
    [InlineData(65)]
    public void Selecting_ready_idle_and_closed_handles_leaks_nothing(int listLength)
    {
        using var connected = Connected.Tcp();
        using var idle = OwnedSocket.Create(Domain.AF_INET, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP);
        var closed = Descriptors.ClosedHandle();
        var writable = Enumerable.Repeat(connected.Native.Handle, listLength).ToArray();
        var notReadable = Enumerable.Repeat(idle.Handle, listLength).ToArray();
        var failing = notReadable.Append(closed).ToArray();
        var handles = new List<SocketHandle>(listLength + 1);

        var (descriptors, resident) = ProcessResources.GrowthOverSecondRun(
            () =>
            {
                for (var i = 0; i < Calls; i++)
                {
                    Reset(handles, writable);
                    Assert.Equal(1, NativeSocket.SelectWrite(handles, 0));
                    Reset(handles, notReadable);
                    Assert.Equal(0, NativeSocket.SelectRead(handles, 0));
                    Reset(handles, failing);
                    Assert.Equal(-1, NativeSocket.SelectRead(handles, 0));
                    Assert.Equal(PlatformErrors.NotOpen, NativeSocket.LastError);
                }
            },
            ProcessResources.ResidentBytes,
            ProcessResources.ResidentGrowthBound);

        Assert.Equal(0, descriptors);
        Assert.True(resident < ProcessResources.ResidentGrowthBound, $"The resident set grew by {resident / 1024} KiB over {Calls} rounds of calls.");
    }

    private static void Reset(List<SocketHandle> handles, SocketHandle[] contents)
    {
        handles.Clear();
        handles.AddRange(contents);
    }
}
