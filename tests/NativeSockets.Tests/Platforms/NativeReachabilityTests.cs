using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;
using Xunit;

namespace NativeSockets.Tests.Platforms;

/// <summary>
/// Every public member of the compiled library works on every platform it has definitions for: on each
/// of the seven, no public method, property accessor or constructor can reach a native name that platform
/// leaves undefined (the facade member would throw PlatformNotSupportedException there), except the
/// members documented as belonging to some platforms only. Proven from the IL, without running there.
/// </summary>
public sealed class NativeReachabilityTests(ITestOutputHelper output)
{
    private const string WinsockName = "a Winsock name Nim exports on Windows only";
    private const string NoWinsockCounterpart = "Winsock has no counterpart";
    private const string NoMessages = "POSIX only: Windows has no sendmsg/recvmsg with SCM_RIGHTS";
    private static readonly string[] Windows = ["win-x64"];
    private static readonly string[] Posix = AllBut("win-x64");
    private static readonly string[] LinuxAndFreeBsd = ["linux-x64", "linux-arm64", "linux-musl-x64", "freebsd-x64"];

    /// <summary>
    /// Public members documented as platform-specific (declaring type and name, or a whole type): where they
    /// work, and what their documentation says. An entry no member needs any more fails the test.
    /// </summary>
    private static readonly Dictionary<string, (string[] Platforms, string Documented)> PlatformSpecific = new()
    {
        ["NativeSockets.NativeSocket.IoctlSocket"] = (Windows, "Nim's ioctlsocket (Windows only)"),
        ["NativeSockets.NativeSocket.get_WSAEWOULDBLOCK"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_WSAECONNRESET"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_WSAECONNABORTED"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_WSAENETRESET"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_WSANOTINITIALISED"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_WSAENOTSOCK"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_WSAEINPROGRESS"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_WSAEINTR"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_WSAEDISCON"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_ERROR_NETNAME_DELETED"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_IOCPARM_MASK"] = (Windows, WinsockName),
        ["NativeSockets.NativeSocket.get_IOC_IN"] = (AllBut("linux-musl-x64"), "musl defines no IOC_IN"),
        ["NativeSockets.NativeSocket.get_ENFILE"] = (Posix, NoWinsockCounterpart),
        ["NativeSockets.NativeSocket.get_EPERM"] = (Posix, NoWinsockCounterpart),
        ["NativeSockets.NativeSocket.get_EPIPE"] = (Posix, NoWinsockCounterpart),
        ["NativeSockets.NativeSocket.get_F_GETFL"] = (Posix, "POSIX only (fcntl)"),
        ["NativeSockets.NativeSocket.get_F_SETFL"] = (Posix, "POSIX only (fcntl)"),
        ["NativeSockets.NativeSocket.get_O_NONBLOCK"] = (Posix, "POSIX only (fcntl)"),
        ["NativeSockets.NativeSocket.get_SO_REUSEPORT"] = (Posix, "Windows has no such option"),
        ["NativeSockets.NativeSocket.get_SO_DOMAIN"] = (LinuxAndFreeBsd, "macOS and Windows have no such option"),
        ["NativeSockets.NativeSocket.get_SO_PROTOCOL"] = (LinuxAndFreeBsd, "macOS and Windows have no such option"),
        ["NativeSockets.NativeSocket.SocketPair"] = (Posix, "Windows has no socketpair"),
        ["NativeSockets.NativeSocket.SendMsg"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.RecvMsg"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.SendHandles"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.RecvHandles"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.CmsgLen"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.CmsgSpace"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.CmsgData"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.CmsgFirstHdr"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.CmsgNextHdr"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.get_SCM_RIGHTS"] = (Posix, NoMessages),
        ["NativeSockets.MsgHdr"] = (Posix, NoMessages),
        ["NativeSockets.IoVec"] = (Posix, NoMessages),
        ["NativeSockets.CmsgHdr"] = (Posix, NoMessages),
        ["NativeSockets.NativeSocket.get_MSG_CMSG_CLOEXEC"] = (LinuxAndFreeBsd, "macOS and Windows have no such flag"),
        ["NativeSockets.NativeSocket.get_SO_EXCLUSIVEADDRUSE"] = (Windows, "Windows only"),
        ["NativeSockets.NativeSocket.get_SO_NOSIGPIPE"] = (["osx-x64", "osx-arm64", "freebsd-x64"], "macOS and FreeBSD only"),
    };

    /// <summary>Bindings the netdb lookups must reach on each platform (a subset of all it reaches).</summary>
    private static readonly Dictionary<string, string[]> LookupBindings = new()
    {
        ["linux-x64"] = ["getservbyname_r", "getservbyport_r", "getprotobyname_r", "gethostbyname2_r", "gethostbyaddr_r"],
        ["linux-arm64"] = ["getservbyname_r", "getservbyport_r", "getprotobyname_r", "gethostbyname2_r", "gethostbyaddr_r"],
        ["linux-musl-x64"] = ["getservbyname_r", "getservbyport_r", "getprotobyname", "gethostbyname2_r", "gethostbyaddr_r"],
        ["freebsd-x64"] = ["getservbyname_r", "getservbyport_r", "getprotobyname_r", "gethostbyname2_r", "gethostbyaddr_r"],
        ["osx-x64"] = ["getservbyname", "getservbyport", "getprotobyname", "getipnodebyname", "getipnodebyaddr", "freehostent"],
        ["osx-arm64"] = ["getservbyname", "getservbyport", "getprotobyname", "getipnodebyname", "getipnodebyaddr", "freehostent"],
        ["win-x64"] = ["getservbyname", "getservbyport", "getprotobyname", "getaddrinfo", "gethostbyaddr", "WSAStartup"],
    };

    [Fact]
    public void No_public_member_reaches_a_native_name_its_platform_does_not_define()
    {
        using var library = new LibraryMetadata(typeof(NativeSocket).Assembly.Location);
        var roots = library.Reader.MethodDefinitions.Where(library.IsVisibleOutside).ToList();
        var failures = new List<string>();
        var allowListUsed = new HashSet<string>();

        output.WriteLine($"{roots.Count} public members (methods, accessors, constructors) of {typeof(NativeSocket).Assembly.GetName().Name}.");
        output.WriteLine($"Documented as platform-specific ({PlatformSpecific.Count}):");
        foreach (var (member, (platforms, documented)) in PlatformSpecific.OrderBy(e => e.Key, System.StringComparer.Ordinal))
        {
            output.WriteLine($"  {member}: {string.Join(", ", platforms)} only ({documented})");
        }

        foreach (var platform in TargetPlatform.All)
        {
            var analysis = new NativeReachability(library, platform);
            var methods = new HashSet<MethodDefinitionHandle>();
            var facade = new HashSet<string>();
            var bindings = new HashSet<string>();
            var created = new HashSet<TypeDefinitionHandle>();
            var allowed = 0;
            foreach (var root in roots)
            {
                var reach = analysis.Walk(root);
                methods.UnionWith(reach.Methods);
                facade.UnionWith(reach.FacadeMembers);
                bindings.UnionWith(reach.Bindings);
                created.UnionWith(reach.Created);
                var member = library.NameOf(root);
                foreach (var (name, path) in reach.Missing)
                {
                    if (IsPlatformSpecific(member, platform, out var key))
                    {
                        allowed++;
                        allowListUsed.Add(key);
                    }
                    else
                    {
                        failures.Add($"{platform}: {member} reaches '{name}', which {platform} does not define: {path}");
                    }
                }
            }

            // The walk follows each platform's own path: its lookups reach the bindings chosen for it.
            failures.AddRange(LookupBindings[platform.Name].Except(bindings).Select(b => $"{platform}: no public member reaches its binding of {b}"));
            var backends = created.Select(library.NameOf).Where(t => t.Contains(".Selectors.", System.StringComparison.Ordinal)).Order(System.StringComparer.Ordinal);
            output.WriteLine(
                $"{platform}: {methods.Count} library methods, {facade.Count} facade members and {bindings.Count} native bindings reachable; " +
                $"{allowed} reaches of undefined names by platform-specific members; selector types created: {string.Join(", ", backends.DefaultIfEmpty("none"))}.");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Order(System.StringComparer.Ordinal)));
        Assert.Empty(PlatformSpecific.Keys.Except(allowListUsed));
    }

    private static string[] AllBut(string platform) => [.. TargetPlatform.All.Select(p => p.Name).Where(p => p != platform)];

    private static bool IsPlatformSpecific(string member, TargetPlatform platform, out string key)
    {
        foreach (var (specific, (platforms, _)) in PlatformSpecific)
        {
            // An entry names one member, or a type: then every member of the type.
            if ((member == specific || member.StartsWith(specific + ".", System.StringComparison.Ordinal)) && !platforms.Contains(platform.Name))
            {
                key = specific;
                return true;
            }
        }

        key = string.Empty;
        return false;
    }
}
