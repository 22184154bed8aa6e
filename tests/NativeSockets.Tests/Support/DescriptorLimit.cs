using System;
using System.Runtime.InteropServices;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>The process's limit on open descriptors (RLIMIT_NOFILE), read and set with getrlimit/setrlimit. Linux.</summary>
internal static partial class DescriptorLimit
{
    // RLIMIT_NOFILE from Linux's asm-generic/resource.h; the library never needs it.
    private const int ResourceNoFile = 7;

    /// <summary>The soft limit: the most descriptors the process may have open, and the most entries poll takes.</summary>
    public static long Soft => Read().Current > long.MaxValue ? long.MaxValue : (long)Read().Current;

    /// <summary>
    /// Lowers the soft limit to <paramref name="limit"/> (when it is higher) until disposed, for a test that
    /// must exceed it without building a list of a billion entries where the limit is that high. Only for
    /// tests that run alone: the limit is the whole process's.
    /// </summary>
    public static IDisposable AtMost(long limit)
    {
        var original = Read();
        if (original.Current <= (ulong)limit)
        {
            return new Restore(original, changed: false);
        }

        var lowered = original with { Current = (ulong)limit };
        Assert.Equal(0, SetResourceLimit(ResourceNoFile, in lowered));
        return new Restore(original, changed: true);
    }

    private static ResourceLimit Read()
    {
        var limit = default(ResourceLimit);
        Assert.Equal(0, GetResourceLimit(ResourceNoFile, ref limit));
        return limit;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetResourceLimit(int resource, ref ResourceLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetResourceLimit(int resource, in ResourceLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private record struct ResourceLimit(ulong Current, ulong Maximum);

    private sealed class Restore(ResourceLimit original, bool changed) : IDisposable
    {
        public void Dispose()
        {
            if (changed)
            {
                Assert.Equal(0, SetResourceLimit(ResourceNoFile, in original));
            }
        }
    }
}
