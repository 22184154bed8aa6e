using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NativeSockets.Selectors;
using NativeSockets.Selectors.Backends;
using NativeSockets.Tests.Reliability;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Selectors;

/// <summary>
/// Selectors under signals and over many lifetimes (Linux: signals through <see cref="SignalInterrupter"/>,
/// descriptors counted in /proc/self/fd): an interrupted wait neither ends early nor loses an event, and
/// neither selectors nor failed registrations leak a descriptor.
/// </summary>
[Collection(nameof(RunsAlone))]
public class SelectorReliabilityTests
{
    private static readonly int Rounds = LongRuns.Scale(2_000);

    public static TheoryData<string> Backends => new("epoll", "poll");

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_wait_interrupted_by_signals_lasts_its_whole_timeout(string backend)
    {
        using var selector = Create(backend);
        var keys = new ReadyKey[4];
        var (count, elapsed) = SignalInterrupter.InterruptUntilReturned(
            () =>
            {
                var clock = Stopwatch.StartNew();
                return (selector.SelectInto(400, keys), clock.ElapsedMilliseconds);
            },
            TimeSpan.FromSeconds(10),
            () => { });

        Assert.Equal(0, count);
        Assert.True(elapsed >= 400, $"the wait returned after {elapsed} ms");
        Assert.True(SignalInterrupter.Delivered > 0, "no signal reached the wait");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_wait_without_limit_interrupted_by_signals_still_reports_what_becomes_ready(string backend)
    {
        using var selector = Create(backend);
        using var pair = Connected.Tcp();
        using var ev = new SelectEvent();
        selector.RegisterHandle(pair.Native.Handle, Event.Read, 1);
        selector.RegisterEvent(ev, 2);
        var keys = new ReadyKey[4];
        var sender = Task.Run(async () =>
        {
            await Task.Delay(300);
            pair.Peer.Send(new byte[] { 1 });
        });

        var first = SignalInterrupter.InterruptUntilReturned(() => keys[..selector.SelectInto(-1, keys)], TimeSpan.FromSeconds(10), ev.Trigger);
        SelectorContractTests.Finish(sender);

        var key = Assert.Single(first);
        Assert.Equal(pair.Native.Handle, key.Fd);
        Assert.Equal(Event.Read, key.Events);
    }

    [PosixTheory("counts descriptors in /proc/self/fd")]
    [MemberData(nameof(Backends))]
    public void Creating_using_and_closing_selectors_leaks_no_descriptor(string backend)
    {
        using var pair = Connected.Tcp();
        pair.PeerSends(1);
        var keys = new ReadyKey[4];
        var (descriptors, _) = ProcessResources.GrowthOverSecondRun(
            () =>
            {
                for (var i = 0; i < Rounds / 10; i++)
                {
                    using var selector = Create(backend);
                    using var ev = new SelectEvent();
                    selector.RegisterHandle(pair.Native.Handle, Event.Read, 1);
                    selector.RegisterEvent(ev, 2);
                    selector.RegisterTimer(1000, oneshot: true, 3);
                    ev.Trigger();
                    Assert.Equal(2, selector.SelectInto(10_000, keys));
                }
            },
            ProcessResources.ResidentBytes);

        Assert.Equal(0, descriptors);
    }

    [PosixTheory("counts descriptors in /proc/self/fd")]
    [MemberData(nameof(Backends))]
    public void Failed_registrations_leak_no_descriptor(string backend)
    {
        using var selector = Create(backend);
        var closed = Descriptors.ClosedHandle();
        var (descriptors, _) = ProcessResources.GrowthOverSecondRun(
            () =>
            {
                for (var i = 0; i < Rounds; i++)
                {
                    Assert.Throws<OSErrorException>(() => selector.RegisterHandle(closed, Event.Read, i));
                }
            },
            ProcessResources.ResidentBytes);

        Assert.Equal(0, descriptors);
        Assert.True(selector.IsEmpty);
    }

    [PosixTheory("reads descriptor flags with fcntl and lists /proc/self/fd")]
    [MemberData(nameof(Backends))]
    public void Every_descriptor_a_selector_opens_is_close_on_exec_and_closed_by_Dispose(string backend)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "lists /proc/self/fd");
        var before = OpenDescriptorNumbers();
        var selector = Create(backend);
        var opened = OpenDescriptorNumbers().Except(before).ToArray();
        try
        {
            Assert.NotEmpty(opened);
            Assert.All(opened, fd => Assert.True(Descriptors.IsCloseOnExec(new SocketHandle(fd)), $"descriptor {fd} is inherited by children"));
        }
        finally
        {
            selector.Dispose();
        }

        Assert.All(opened, fd => Assert.False(Descriptors.IsOpen(new SocketHandle(fd)), $"descriptor {fd} is still open"));
    }

    private static int[] OpenDescriptorNumbers() =>
        Directory.GetFiles("/proc/self/fd").Select(path => int.Parse(Path.GetFileName(path), System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static Selector<int> Create(string backend)
    {
        Assert.SkipWhen(backend == "epoll" && !OperatingSystem.IsLinux(), "epoll is Linux's");
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals through a gcc-compiled handler (Linux)");
        return new Selector<int>(backend == "epoll" ? new EpollBackend() : new PollBackend());
    }
}
