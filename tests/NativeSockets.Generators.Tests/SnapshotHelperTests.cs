using System;
using System.IO;
using System.Linq;
using NativeSockets.Generators.Tests.Infrastructure;
using Xunit;

namespace NativeSockets.Generators.Tests;

/// <summary>A changed definition changes the output, and the snapshot check reports it readably.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nativesockets-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Changing_one_value_in_linux_x64_fails_its_snapshot_with_a_readable_diff()
    {
        // linux-x64 takes AF_INET6 from the fragment shared by the Linux platforms.
        var original = Repository.ReadDefinition("linux-common.defs");
        var changed = original.Replace("const AF_INET6            int           10", "const AF_INET6            int           99", StringComparison.Ordinal);
        Assert.NotEqual(original, changed);

        var output = GeneratorHarness.Run(
            ("native-defs/linux-x64.defs", Repository.ReadDefinition("linux-x64.defs")),
            ("native-defs/linux-glibc.defs", Repository.ReadDefinition("linux-glibc.defs")),
            ("native-defs/linux-common.defs", changed));
        Directory.CreateDirectory(_directory);
        File.Copy(Path.Combine(Snapshot.Directory, "LinuxX64.Constants.verified.cs"), Path.Combine(_directory, "LinuxX64.Constants.verified.cs"));

        var failure = Assert.ThrowsAny<Exception>(() =>
            Snapshot.Verify(_directory, "LinuxX64.Constants", output.Sources["LinuxX64.Constants.g.cs"], "cs", accept: false));

        Assert.Contains("- " + "    internal const int AF_INET6 = 10;", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+ " + "    internal const int AF_INET6 = 99;", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "LinuxX64.Constants.received.cs")));
    }

    [Fact]
    public void Matching_text_passes_and_removes_a_stale_received_file()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "a.verified.txt"), "one\ntwo\n");
        File.WriteAllText(Path.Combine(_directory, "a.received.txt"), "old");

        Snapshot.Verify(_directory, "a", "one\r\ntwo\r\n", "txt", accept: false);

        Assert.False(File.Exists(Path.Combine(_directory, "a.received.txt")));
    }

    [Fact]
    public void A_missing_snapshot_fails_and_accepting_writes_it()
    {
        Assert.ThrowsAny<Exception>(() => Snapshot.Verify(_directory, "new", "text\n", "txt", accept: false));
        Assert.Equal("text\n", File.ReadAllText(Path.Combine(_directory, "new.received.txt")));

        Snapshot.Verify(_directory, "new", "text\n", "txt", accept: true);

        Assert.Equal("text\n", File.ReadAllText(Path.Combine(_directory, "new.verified.txt")));
        Assert.False(File.Exists(Path.Combine(_directory, "new.received.txt")));
    }

    [Fact]
    public void The_diff_shows_only_the_changed_lines_with_context()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}"));
        var actual = expected.Replace("line 10", "line ten", StringComparison.Ordinal);

        var diff = TextDiff.Unified(expected, actual);

        Assert.Equal("@@ verified line 8 @@\n  line 8\n  line 9\n- line 10\n+ line ten\n  line 11\n  line 12\n", diff);
    }
}
