using System.Runtime.InteropServices;

namespace NativeSockets.Tests.Support;

/// <summary>The process's limit on open descriptors (RLIMIT_NOFILE), read with getrlimit. Linux.</summary>
internal static partial class DescriptorLimit
{
    // RLIMIT_NOFILE from Linux's asm-generic/resource.h; the library never needs it.
    private const int ResourceNoFile = 7;

    /// <summary>The soft limit: the most descriptors the process may have open, and the most entries poll takes.</summary>
    public static int Soft
    {
        get
        {
            var limit = new ResourceLimit();
            Xunit.Assert.Equal(0, GetResourceLimit(ResourceNoFile, ref limit));
            return checked((int)limit.Current);
        }
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetResourceLimit(int resource, ref ResourceLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
