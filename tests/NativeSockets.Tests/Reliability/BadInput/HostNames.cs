using System.Linq;

namespace NativeSockets.Tests.Reliability.BadInput;

/// <summary>Names no lookup can find, built so that glibc refuses them before asking a name server.</summary>
internal static class HostNames
{
    /// <summary>
    /// A name of valid 59-character labels, longer than the 253 characters DNS allows: the resolver
    /// rejects it by its length before building a query (checked with strace in a network namespace).
    /// </summary>
    public static string OverLong(int length) => string.Concat(Enumerable.Range(0, length).Select(i => i % 60 == 59 ? '.' : 'a'));
}
