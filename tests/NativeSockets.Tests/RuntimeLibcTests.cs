using System;
using System.IO;
using System.Linq;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>How the C library is found when the runtime identifier does not name it.</summary>
public class RuntimeLibcTests
{
    [PosixFact("reads the C library's loader from /proc/self/maps")]
    public void The_loader_shows_in_the_process_mappings_and_here_it_is_glibcs()
    {
        var maps = File.ReadLines("/proc/self/maps").ToList();

        Assert.Contains(maps, line => line.Contains("/ld-linux-", StringComparison.Ordinal));
        Assert.False(RuntimeLibc.MapsMuslLoader());
        Assert.False(RuntimeLibc.IsMusl);
    }
}
