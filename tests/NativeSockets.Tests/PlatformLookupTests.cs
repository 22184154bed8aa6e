using System.Threading.Tasks;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>
/// The lookup strategies of the platforms this machine is not, run here: FreeBSD's return conventions on
/// synthetic returns, macOS's getipnodeby* error numbers, and musl's locked getprotobyname on glibc.
/// </summary>
public unsafe class PlatformLookupTests
{
    private const string NoGetProtoByName = "getprotobyname is bound for Linux (musl's lookup; glibc has it too), macOS and Windows";

    private const string PosixOnly = "the values are the POSIX ones (ERANGE, NETDB_INTERNAL, h_errno), which Windows numbers differently";

    [PosixFact(PosixOnly)]
    public void FreeBSD_service_and_protocol_returns_say_found_grow_or_not_found()
    {
        Assert.Equal(0, FreeBsdLookups.EntryResult(0, found: true));
        Assert.Equal(0, FreeBsdLookups.EntryResult(Native.ERANGE, found: true));
        Assert.Equal(Native.ERANGE, FreeBsdLookups.EntryResult(Native.ERANGE, found: false));

        // Not found: FreeBSD returns whatever errno its file scan left, which is no error.
        Assert.Equal(0, FreeBsdLookups.EntryResult(0, found: false));
        Assert.Equal(0, FreeBsdLookups.EntryResult(Native.ENOENT, found: false));
        Assert.Equal(0, FreeBsdLookups.EntryResult(-1, found: false));
    }

    [PosixFact(PosixOnly)]
    public void FreeBSD_host_returns_say_found_grow_resolver_error_or_errno()
    {
        Assert.Equal(0, FreeBsdLookups.HostResult(0, found: true, resolverError: 0, lastErrno: 0));
        Assert.Equal(Native.ERANGE, FreeBsdLookups.HostResult(Native.ERANGE, found: false, FreebsdX64.NETDB_INTERNAL, lastErrno: Native.ERANGE));

        // A missing host returns -1 with *h_errnop set: the resolver's error, no errno.
        Assert.Equal(0, FreeBsdLookups.HostResult(-1, found: false, Native.HOST_NOT_FOUND, lastErrno: Native.EINVAL));
        Assert.Equal(0, FreeBsdLookups.HostResult(-1, found: false, Native.TRY_AGAIN, lastErrno: 0));

        // NETDB_INTERNAL: the errno returned, or the call's errno when it returned -1.
        Assert.Equal(Native.EAFNOSUPPORT, FreeBsdLookups.HostResult(Native.EAFNOSUPPORT, found: false, FreebsdX64.NETDB_INTERNAL, lastErrno: 0));
        Assert.Equal(Native.EINVAL, FreeBsdLookups.HostResult(-1, found: false, FreebsdX64.NETDB_INTERNAL, lastErrno: Native.EINVAL));
    }

    [PosixFact(PosixOnly)]
    public void MacOS_getipnode_errors_become_h_errno_values()
    {
        Assert.Equal(Native.HOST_NOT_FOUND, NativeSocket.ToDarwinResolverError(Native.HOST_NOT_FOUND));
        Assert.Equal(Native.TRY_AGAIN, NativeSocket.ToDarwinResolverError(Native.TRY_AGAIN));
        Assert.Equal(Native.NO_DATA, NativeSocket.ToDarwinResolverError(Native.NO_DATA));

        // Libinfo's own statuses (10 and up) and no error at all.
        Assert.Equal(Native.NO_RECOVERY, NativeSocket.ToDarwinResolverError(10));
        Assert.Equal(Native.NO_RECOVERY, NativeSocket.ToDarwinResolverError(14));
        Assert.Equal(Native.HOST_NOT_FOUND, NativeSocket.ToDarwinResolverError(0));
    }

    [PosixFact("Winsock's getprotobyname needs Winsock started, which the musl strategy never does")]
    public void The_locked_getprotobyname_of_musl_agrees_with_getprotobyname_r_from_many_threads()
    {
        Assert.SkipUnless(Native.Defined.getprotobyname, NoGetProtoByName);
        var cases = new[] { ("tcp", Protocol.IPPROTO_TCP), ("udp", Protocol.IPPROTO_UDP), ("icmp", Protocol.IPPROTO_ICMP) };

        Parallel.For(0, 3000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (name, protocol) = cases[i % cases.Length];
            fixed (byte* text = System.Text.Encoding.UTF8.GetBytes(name + "\0"))
            {
                Assert.True(MuslProtocolLookup.TryFind(text, out var number));
                Assert.Equal(NativeSocket.ToInt(protocol), number);
                Assert.Equal(NativeSocket.GetProtoByName(name), number);
            }
        });
    }

    [PosixFact("Winsock's getprotobyname needs Winsock started, which the musl strategy never does")]
    public void The_locked_getprotobyname_of_musl_finds_no_unknown_protocol()
    {
        Assert.SkipUnless(Native.Defined.getprotobyname, NoGetProtoByName);
        fixed (byte* text = "nosuch\0"u8)
        {
            Assert.False(MuslProtocolLookup.TryFind(text, out var number));
            Assert.Equal(0, number);
        }
    }
}
