using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace NativeSockets.Demo;

internal sealed partial class Tour
{
    private void CreatingSockets()
    {
        var tcp = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP));
        Check("CreateNativeSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", tcp, !tcp.IsInvalid, "a valid handle");
        CheckEqual($"  System.Net's view of handle {tcp}", Oracles.Describe(tcp), "InterNetwork/Stream/Tcp");
        CheckEqual($"  a child process started now sees handle {tcp}", Oracles.ChildProcessSees(tcp), false);

        var byDefault = Own(NativeSocket.CreateNativeSocket());
        CheckEqual("CreateNativeSocket() (all defaults)", Oracles.Describe(byDefault), "InterNetwork/Stream/Tcp");

        var udp6 = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP));
        CheckEqual("CreateNativeSocket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP)", Oracles.Describe(udp6), "InterNetworkV6/Dgram/Udp");

        var seqpacket = Own(NativeSocket.CreateNativeSocket(
            NativeSocket.ToInt(Domain.AF_UNIX), NativeSocket.ToInt(SockType.SOCK_SEQPACKET), NativeSocket.ToInt(Protocol.IPPROTO_NONE)));
        CheckEqual("CreateNativeSocket(ToInt(AF_UNIX), ToInt(SOCK_SEQPACKET), 0)", Oracles.Describe(seqpacket), "Unix/Seqpacket/IP");

        var raw = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_RAW, Protocol.IPPROTO_ICMP));
        if (raw.IsInvalid)
        {
            // Raw sockets need privileges: refused for permission, as System.Net is refused.
            var errno = Marshal.GetLastPInvokeError();
            var systemNet = Oracles.ErrorOf(() => new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp).Dispose());
            Check(
                "CreateNativeSocket(AF_INET, SOCK_RAW, IPPROTO_ICMP) (needs privileges)",
                $"{Show(raw)}, {Errno(errno)}",
                systemNet == SocketError.AccessDenied && errno != 0,
                $"a permission error, as System.Net gets {systemNet}");
        }
        else
        {
            CheckEqual("CreateNativeSocket(AF_INET, SOCK_RAW, IPPROTO_ICMP)", Oracles.Describe(raw), "InterNetwork/Raw/Icmp");
        }

        var inheritable = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP, inheritable: true));
        Info("CreateNativeSocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, inheritable: true)", inheritable);
        CheckEqual($"  a child process started now sees handle {inheritable}", Oracles.ChildProcessSees(inheritable), true);

        CheckEqual($"SetInheritable(handle {inheritable}, false)", NativeSocket.SetInheritable(inheritable, false), true);
        CheckEqual($"  a child process started now sees handle {inheritable}", Oracles.ChildProcessSees(inheritable), false);
        CheckEqual($"SetInheritable(handle {tcp}, true)", NativeSocket.SetInheritable(tcp, true), true);
        CheckEqual($"  a child process started now sees handle {tcp}", Oracles.ChildProcessSees(tcp), true);

        foreach (var handle in new[] { tcp, byDefault, udp6, seqpacket, raw, inheritable })
        {
            CloseOwned(handle);
        }

        Info("Close(...) on each of them", "done");
    }

    private void CreationFailures()
    {
        var handle = Own(NativeSocket.CreateNativeSocket(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP));
        var errno = Marshal.GetLastPInvokeError();
        CheckEqual("CreateNativeSocket(AF_UNIX, SOCK_STREAM, IPPROTO_TCP)", handle, NativeSocket.OsInvalidSocket);
        var systemNet = Oracles.ErrnoOf(() => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Tcp).Dispose());
        CheckEqual("  Marshal.GetLastPInvokeError()", Errno(errno), Errno(systemNet), "System.Net gets");

        try
        {
            handle = Own(NativeSocket.CreateNativeSocket(Domain.AF_INET, (SockType)42));
            Check("CreateNativeSocket(AF_INET, (SockType)42)", handle, false, "ArgumentOutOfRangeException");
        }
        catch (ArgumentOutOfRangeException e)
        {
            CheckEqual("CreateNativeSocket(AF_INET, (SockType)42)", $"{e.GetType().Name} for '{e.ParamName}'", "ArgumentOutOfRangeException for 'sockType'");
        }
    }
}
