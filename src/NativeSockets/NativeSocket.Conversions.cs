using System;
using System.Runtime.CompilerServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// Nim's <c>nativesockets</c> module: a low-level, cross-platform sockets interface on raw operating
/// system handles. Names are Nim's in PascalCase; errors are reported as Nim reports them (a -1 or
/// <see cref="OsInvalidSocket"/> result for some procs, an exception for the others).
/// </summary>
public static partial class NativeSocket
{
    /// <summary>Nim's <c>toInt(Domain)</c>: the running platform's number for the family.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="domain"/> is not a <see cref="Domain"/> member.</exception>
    // The priority lets ToInt(0) and ToInt(default) compile, as AF_UNSPEC, which is native 0 like IPPROTO_IP
    // (SockType has no 0); without it the three enum overloads make them ambiguous.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [OverloadResolutionPriority(1)]
    public static int ToInt(Domain domain) => domain switch
    {
        Domain.AF_UNSPEC => Native.AF_UNSPEC,
        Domain.AF_UNIX => Native.AF_UNIX,
        Domain.AF_INET => Native.AF_INET,
        Domain.AF_INET6 => Native.AF_INET6,
        _ => throw NotAMember(nameof(domain), domain),
    };

    /// <summary>Nim's <c>toInt(SockType)</c>: the running platform's number for the socket type.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sockType"/> is not a <see cref="SockType"/> member.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToInt(SockType sockType) => sockType switch
    {
        SockType.SOCK_STREAM => Native.SOCK_STREAM,
        SockType.SOCK_DGRAM => Native.SOCK_DGRAM,
        SockType.SOCK_RAW => Native.SOCK_RAW,
        SockType.SOCK_SEQPACKET => Native.SOCK_SEQPACKET,
        _ => throw NotAMember(nameof(sockType), sockType),
    };

    /// <summary>Nim's <c>toInt(Protocol)</c>: the running platform's number for the protocol.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="protocol"/> is not a <see cref="Protocol"/> member.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToInt(Protocol protocol) => protocol switch
    {
        Protocol.IPPROTO_IP => Native.IPPROTO_IP,
        Protocol.IPPROTO_TCP => Native.IPPROTO_TCP,
        Protocol.IPPROTO_UDP => Native.IPPROTO_UDP,
        Protocol.IPPROTO_IPV6 => Native.IPPROTO_IPV6,
        Protocol.IPPROTO_RAW => Native.IPPROTO_RAW,
        Protocol.IPPROTO_ICMP => Native.IPPROTO_ICMP,
        Protocol.IPPROTO_ICMPV6 => Native.IPPROTO_ICMPV6,
        _ => throw NotAMember(nameof(protocol), protocol),
    };

    // Out of line, so that ToInt stays small enough to inline into every call that translates an enum.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentOutOfRangeException NotAMember<TEnum>(string argumentName, TEnum value)
        where TEnum : struct, Enum =>
        new(argumentName, value, $"Not a member of {typeof(TEnum).Name}.");

    /// <summary>Nim's <c>toKnownDomain</c>: the <see cref="Domain"/> for a native family number, or null for any other family.</summary>
    public static Domain? ToKnownDomain(int family)
    {
        if (family == Native.AF_UNSPEC)
        {
            return Domain.AF_UNSPEC;
        }

        if (family == Native.AF_UNIX)
        {
            return Domain.AF_UNIX;
        }

        if (family == Native.AF_INET)
        {
            return Domain.AF_INET;
        }

        return family == Native.AF_INET6 ? Domain.AF_INET6 : null;
    }

    /// <summary>Nim's <c>toSockType</c>: TCP gives a stream, UDP datagrams, every other protocol raw.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="protocol"/> is not a <see cref="Protocol"/> member.</exception>
    public static SockType ToSockType(Protocol protocol) => protocol switch
    {
        Protocol.IPPROTO_TCP => SockType.SOCK_STREAM,
        Protocol.IPPROTO_UDP => SockType.SOCK_DGRAM,
        Protocol.IPPROTO_IP or Protocol.IPPROTO_IPV6 or Protocol.IPPROTO_RAW or Protocol.IPPROTO_ICMP or Protocol.IPPROTO_ICMPV6 => SockType.SOCK_RAW,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Not a member of Protocol."),
    };
}
