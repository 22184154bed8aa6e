using System;
using NativeSockets.Interop;
using NativeSockets.Selectors;
using NativeSockets.Selectors.Backends;
using Xunit;

namespace NativeSockets.Tests.Selectors;

/// <summary>
/// The kqueue backend's pure half, on any machine: the changes it asks for and how it reads the
/// kernel's records, with each platform's own numbers (EVFILT_USER is -10 on macOS, -11 on FreeBSD)
/// and records in each platform's generated layout (32-byte <c>OsxX64.kevent</c>, 64-byte
/// <c>FreebsdX64.kevent</c>).
/// </summary>
public unsafe class KqueueTranslationTests
{
    private const nuint Descriptor = 7;
    private const ulong Token = 0x0000_0003_0000_0002;

    public static TheoryData<string> Platforms => new() { "osx-x64", "freebsd-x64" };

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Add_asks_for_one_enabled_filter_per_interest_with_the_token_and_a_receipt(string platform)
    {
        var n = KqueueTestPlatforms.Numbers(platform);
        var changes = new KeventRecord[KqueueTranslation.MaxChanges];

        var count = KqueueTranslation.Add(changes, Descriptor, Token, Event.Read | Event.Write, n);

        Assert.Equal(2, count);
        Assert.Equal(n.FilterRead, changes[0].Filter);
        Assert.Equal(n.FilterWrite, changes[1].Filter);
        foreach (var change in changes[..2])
        {
            Assert.Equal(Descriptor, change.Ident);
            Assert.Equal(Token, change.Udata);
            Assert.Equal(n.Add | n.Enable | n.Receipt, change.Flags);
        }
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Add_of_one_interest_asks_for_its_filter_only_and_oneshot_dispatches(string platform)
    {
        var n = KqueueTestPlatforms.Numbers(platform);
        var changes = new KeventRecord[KqueueTranslation.MaxChanges];

        Assert.Equal(1, KqueueTranslation.Add(changes, Descriptor, Token, Event.Write | Event.Oneshot, n));
        Assert.Equal(n.FilterWrite, changes[0].Filter);
        Assert.Equal(n.Add | n.Enable | n.Receipt | n.Dispatch, changes[0].Flags);
        Assert.Equal(0, KqueueTranslation.Add(changes, Descriptor, Token, Event.None, n));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Modify_deletes_both_filters_then_adds_the_wanted_ones(string platform)
    {
        var n = KqueueTestPlatforms.Numbers(platform);
        var changes = new KeventRecord[KqueueTranslation.MaxChanges];

        var count = KqueueTranslation.Modify(changes, Descriptor, Token, Event.Read, n);

        Assert.Equal(3, count);
        Assert.Equal((n.FilterRead, n.Delete | n.Receipt), (changes[0].Filter, (int)changes[0].Flags));
        Assert.Equal((n.FilterWrite, n.Delete | n.Receipt), (changes[1].Filter, (int)changes[1].Flags));
        Assert.Equal((n.FilterRead, n.Add | n.Enable | n.Receipt), (changes[2].Filter, (int)changes[2].Flags));
        Assert.Equal(Token, changes[2].Udata);
        Assert.Equal(2, KqueueTranslation.Modify(changes, Descriptor, Token, Event.None, n));
        Assert.Equal(4, KqueueTranslation.Modify(changes, Descriptor, Token, Event.Read | Event.Write, n));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Remove_deletes_both_filters(string platform)
    {
        var n = KqueueTestPlatforms.Numbers(platform);
        var changes = new KeventRecord[KqueueTranslation.MaxChanges];

        Assert.Equal(2, KqueueTranslation.Remove(changes, Descriptor, n));
        Assert.Equal(new[] { n.FilterRead, n.FilterWrite }, new[] { changes[0].Filter, changes[1].Filter });
        Assert.All(changes[..2], c => Assert.Equal(n.Delete | n.Receipt, c.Flags));
        Assert.All(changes[..2], c => Assert.Equal(Descriptor, c.Ident));
    }

    [Theory]
    [InlineData("osx-x64", -10)]
    [InlineData("freebsd-x64", -11)]
    public void The_waker_is_the_platforms_user_filter_cleared_on_report_and_triggered_with_note_trigger(string platform, short user)
    {
        var n = KqueueTestPlatforms.Numbers(platform);

        var registration = KqueueTranslation.WakerRegistration(n);
        var trigger = KqueueTranslation.WakerTrigger(n);

        Assert.Equal(user, registration.Filter);
        Assert.Equal(n.Add | n.Clear | n.Receipt, registration.Flags);
        Assert.Equal(user, trigger.Filter);
        Assert.Equal(0x01000000u, trigger.Fflags);
        Assert.Equal(registration.Ident, trigger.Ident);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Receipts_report_the_first_real_failure_and_ignore_enoent_of_a_delete(string platform)
    {
        var n = KqueueTestPlatforms.Numbers(platform);
        var changes = new KeventRecord[KqueueTranslation.MaxChanges];
        KqueueTranslation.Modify(changes, Descriptor, Token, Event.Read | Event.Write, n);
        var ok = Receipt(n, 0);
        var noEntry = Receipt(n, n.NoSuchEntry);
        const int BadDescriptor = 9;

        Assert.Equal(0, KqueueTranslation.FirstError(changes, [noEntry, noEntry, ok, ok], n, unanswered: -1));
        Assert.Equal(BadDescriptor, KqueueTranslation.FirstError(changes, [noEntry, noEntry, Receipt(n, BadDescriptor), ok], n, unanswered: -1));
        Assert.Equal(n.NoSuchEntry, KqueueTranslation.FirstError(changes, [ok, ok, noEntry, ok], n, unanswered: -1));
        Assert.Equal(-1, KqueueTranslation.FirstError(changes, [ok, ok], n, unanswered: -1));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void A_failed_add_undoes_the_filters_that_were_added(string platform)
    {
        var n = KqueueTestPlatforms.Numbers(platform);
        var changes = new KeventRecord[KqueueTranslation.MaxChanges];
        var count = KqueueTranslation.Add(changes, Descriptor, Token, Event.Read | Event.Write, n);
        var undo = new KeventRecord[KqueueTranslation.MaxChanges];

        var undone = KqueueTranslation.Undo(changes.AsSpan(0, count), [Receipt(n, 0), Receipt(n, 12)], undo, n);

        Assert.Equal(1, undone);
        Assert.Equal((Descriptor, n.FilterRead, (ushort)(n.Delete | n.Receipt)), (undo[0].Ident, undo[0].Filter, undo[0].Flags));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Records_in_the_platforms_layout_become_readiness_by_token(string platform)
    {
        var n = KqueueTestPlatforms.Numbers(platform);
        var layout = KqueueTestPlatforms.Layout(platform);
        var records = new[]
        {
            new KeventRecord { Ident = 5, Filter = n.FilterRead, Data = 10, Udata = 11 },
            new KeventRecord { Ident = 6, Filter = n.FilterWrite, Data = 4096, Udata = 12 },
            new KeventRecord { Ident = KqueueTranslation.WakerIdent, Filter = n.FilterUser, Fflags = n.Trigger },
            new KeventRecord { Ident = 5, Filter = n.FilterRead, Flags = n.EndOfFile, Udata = 13 },
            new KeventRecord { Ident = 8, Filter = n.FilterWrite, Flags = n.EndOfFile, Fflags = 54, Udata = 14 },
            new KeventRecord { Ident = 9, Filter = n.FilterRead, Flags = n.Error, Data = 9, Udata = 15 },
        };
        var list = KqueueTestPlatforms.List(layout, records);
        var events = new BackendEvent[8];

        int written;
        fixed (byte* pointer = list)
        {
            written = KqueueTranslation.Translate(pointer, records.Length, layout, n, events);
        }

        Assert.Equal(5, written);
        Assert.Equal((11ul, Event.Read, 0), (events[0].Token, events[0].Events, events[0].ErrorCode));
        Assert.Equal((12ul, Event.Write, 0), (events[1].Token, events[1].Events, events[1].ErrorCode));
        Assert.Equal((13ul, Event.Read, 0), (events[2].Token, events[2].Events, events[2].ErrorCode));
        Assert.Equal((14ul, Event.Write | Event.Read | Event.Error, 54), (events[3].Token, events[3].Events, events[3].ErrorCode));
        Assert.Equal((15ul, Event.Error, 9), (events[4].Token, events[4].Events, events[4].ErrorCode));
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Translation_stops_when_the_callers_span_is_full(string platform)
    {
        var n = KqueueTestPlatforms.Numbers(platform);
        var layout = KqueueTestPlatforms.Layout(platform);
        var records = new[]
        {
            new KeventRecord { Ident = 5, Filter = n.FilterRead, Udata = 1 },
            new KeventRecord { Ident = 6, Filter = n.FilterRead, Udata = 2 },
            new KeventRecord { Ident = 7, Filter = n.FilterRead, Udata = 3 },
        };
        var list = KqueueTestPlatforms.List(layout, records);
        var events = new BackendEvent[2];

        fixed (byte* pointer = list)
        {
            Assert.Equal(2, KqueueTranslation.Translate(pointer, records.Length, layout, n, events));
        }

        Assert.Equal(new ulong[] { 1, 2 }, new[] { events[0].Token, events[1].Token });
    }

    [Fact]
    public void Each_platform_drops_only_its_own_user_filter()
    {
        var osx = KqueueTestPlatforms.Numbers("osx-x64");
        var freebsd = KqueueTestPlatforms.Numbers("freebsd-x64");
        var macUser = new KeventRecord { Filter = osx.FilterUser, Udata = 1 };
        var read = new KeventRecord { Filter = freebsd.FilterRead, Udata = 2 };

        Assert.False(KqueueTranslation.TryTranslate(macUser, osx, out _));
        Assert.False(KqueueTranslation.TryTranslate(new KeventRecord { Filter = freebsd.FilterUser }, freebsd, out _));
        Assert.NotEqual(osx.FilterUser, freebsd.FilterUser);
        Assert.True(KqueueTranslation.TryTranslate(read, freebsd, out var ready));
        Assert.Equal(Event.Read, ready.Events);
    }

    [Fact]
    public void FreeBSD_records_are_64_bytes_apart_and_written_with_ext_zeroed()
    {
        var layout = KqueueTestPlatforms.Layout("freebsd-x64");
        var list = new byte[2 * sizeof(FreebsdX64.kevent)];
        list.AsSpan().Fill(0xAB);

        fixed (byte* pointer = list)
        {
            layout.Write(pointer, 1, new KeventRecord { Ident = 3, Filter = -1, Udata = 99 });
            var second = (FreebsdX64.kevent*)(pointer + 64);

            Assert.Equal(64, layout.Size);
            Assert.Equal((nuint)3, second->ident);
            Assert.Equal(99ul, (ulong)second->udata);
            Assert.Equal(0ul, second->ext[0] | second->ext[1] | second->ext[2] | second->ext[3]);
            Assert.Equal(0xAB, pointer[63]);
        }

        Assert.Equal(32, KqueueTestPlatforms.Layout("osx-arm64").Size);
    }

    [Fact]
    public void The_backend_is_refused_where_kqueue_does_not_exist()
    {
        if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            using var backend = new KqueueBackend();
            Assert.NotEqual(-1, backend.Handle);
            return;
        }

        Assert.Throws<PlatformNotSupportedException>(() => new KqueueBackend());
    }

    private static KeventRecord Receipt(KqueueNumbers n, int error) => new() { Flags = n.Error, Data = error };
}
