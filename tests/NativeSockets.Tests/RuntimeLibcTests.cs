using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>How the C library is found when the runtime identifier does not name it.</summary>
public class RuntimeLibcTests
{
    [PosixFact("reads the C library's loader from /proc/self/maps")]
    public void The_loader_in_the_process_mappings_names_the_C_library_of_the_runtime_identifier()
    {
        var maps = File.ReadLines("/proc/self/maps").ToList();
        var musl = RuntimeInformation.RuntimeIdentifier.StartsWith("linux-musl", StringComparison.Ordinal);

        Assert.Contains(maps, line => line.Contains(musl ? "musl" : "/ld-linux-", StringComparison.Ordinal));
        Assert.Equal(musl, RuntimeLibc.MapsMuslLoader());
        Assert.Equal(musl, RuntimeLibc.IsMusl);
    }
}
