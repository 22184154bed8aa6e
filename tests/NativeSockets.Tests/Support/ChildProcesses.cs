using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>What a child process started now inherits. Linux (/bin/sh, /proc).</summary>
internal static class ChildProcesses
{
    /// <summary>The descriptor numbers a child process holds, as the child itself lists them from /proc/self/fd.</summary>
    public static IReadOnlySet<int> InheritedDescriptors()
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", "ls /proc/self/fd"]) { UseShellExecute = false, RedirectStandardOutput = true };
        using var child = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start");
        var listing = child.StandardOutput.ReadToEnd();
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), "the child did not finish");
        Assert.Equal(0, child.ExitCode);
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(fd => int.Parse(fd, CultureInfo.InvariantCulture)).ToHashSet();
    }
}
