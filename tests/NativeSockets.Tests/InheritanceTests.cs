using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>Close-on-exec: set unless asked for an inheritable socket, and changed by SetInheritable.</summary>
public class InheritanceTests
{
    [Theory]
    [InlineData(Domain.AF_INET, SockType.SOCK_STREAM, Protocol.IPPROTO_TCP)]
    [InlineData(Domain.AF_INET6, SockType.SOCK_DGRAM, Protocol.IPPROTO_UDP)]
    [InlineData(Domain.AF_UNIX, SockType.SOCK_STREAM, Protocol.IPPROTO_NONE)]
    public void Enum_overload_sets_close_on_exec_unless_inheritable(Domain domain, SockType sockType, Protocol protocol)
    {
        using var byDefault = OwnedSocket.Create(domain, sockType, protocol);
        using var notInheritable = OwnedSocket.Create(domain, sockType, protocol, inheritable: false);
        using var inheritable = OwnedSocket.Create(domain, sockType, protocol, inheritable: true);

        Assert.True(Descriptors.IsCloseOnExec(byDefault.Handle));
        Assert.True(Descriptors.IsCloseOnExec(notInheritable.Handle));
        Assert.False(Descriptors.IsCloseOnExec(inheritable.Handle));
    }

    [Fact]
    public void Int_overload_sets_close_on_exec_unless_inheritable()
    {
        using var byDefault = CreateByNumbers(StreamType, inheritable: false);
        using var inheritable = CreateByNumbers(StreamType, inheritable: true);

        Assert.True(Descriptors.IsCloseOnExec(byDefault.Handle));
        Assert.False(Descriptors.IsCloseOnExec(inheritable.Handle));
    }

    [PosixFact("SOCK_CLOEXEC is a POSIX socket type flag")]
    public void Int_overload_strips_an_explicit_SOCK_CLOEXEC_from_an_inheritable_socket()
    {
        var withCloseOnExec = StreamType | (Native.Defined.SOCK_CLOEXEC ? Native.SOCK_CLOEXEC : 0);
        using var inheritable = CreateByNumbers(withCloseOnExec, inheritable: true);
        using var notInheritable = CreateByNumbers(withCloseOnExec, inheritable: false);
        using var view = inheritable.View();

        Assert.False(Descriptors.IsCloseOnExec(inheritable.Handle));
        Assert.True(Descriptors.IsCloseOnExec(notInheritable.Handle));
        Assert.Equal(SocketType.Stream, view.SocketType);
    }

    [Fact]
    public void SetInheritable_flips_close_on_exec_both_ways()
    {
        using var socket = OwnedSocket.Create();

        Assert.True(NativeSocket.SetInheritable(socket.Handle, true));
        Assert.False(Descriptors.IsCloseOnExec(socket.Handle));
        Assert.True(NativeSocket.SetInheritable(socket.Handle, true));
        Assert.False(Descriptors.IsCloseOnExec(socket.Handle));

        Assert.True(NativeSocket.SetInheritable(socket.Handle, false));
        Assert.True(Descriptors.IsCloseOnExec(socket.Handle));
        Assert.True(NativeSocket.SetInheritable(socket.Handle, false));
        Assert.True(Descriptors.IsCloseOnExec(socket.Handle));
    }

    [PosixFact("reads the descriptor and status flags with fcntl")]
    public void SetInheritable_changes_only_close_on_exec()
    {
        using var socket = OwnedSocket.Create();
        var fd = (int)socket.Handle.Value;
        Descriptors.SetNonBlocking(socket.Handle);
        var descriptorFlags = Native.fcntl(fd, Native.F_GETFD, 0);
        var statusFlags = Native.fcntl(fd, Native.F_GETFL, 0);

        Assert.True(NativeSocket.SetInheritable(socket.Handle, true));
        Assert.Equal(descriptorFlags & ~Native.FD_CLOEXEC, Native.fcntl(fd, Native.F_GETFD, 0));
        Assert.Equal(statusFlags, Native.fcntl(fd, Native.F_GETFL, 0));

        Assert.True(NativeSocket.SetInheritable(socket.Handle, false));
        Assert.Equal(descriptorFlags, Native.fcntl(fd, Native.F_GETFD, 0));
        Assert.Equal(statusFlags, Native.fcntl(fd, Native.F_GETFL, 0));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SetInheritable_returns_false_with_EBADF_for_a_closed_handle(bool inheritable)
    {
        var closed = Descriptors.ClosedHandle();

        Assert.False(NativeSocket.SetInheritable(closed, inheritable));
        Assert.Equal(PlatformErrors.NotOpenHandle, Marshal.GetLastPInvokeError());
    }

    [PosixFact("the child is /bin/sh testing /dev/fd/N")]
    public void A_child_process_gets_the_inheritable_socket_and_not_the_default_one()
    {
        using var inheritable = OwnedSocket.Create(inheritable: true);
        using var notInheritable = OwnedSocket.Create();
        using var madeInheritable = OwnedSocket.Create();
        Assert.True(NativeSocket.SetInheritable(madeInheritable.Handle, true));

        Assert.True(ChildSees(inheritable.Handle));
        Assert.False(ChildSees(notInheritable.Handle));
        Assert.True(ChildSees(madeInheritable.Handle));
    }

    private static int StreamType => NativeSocket.ToInt(SockType.SOCK_STREAM);

    private static OwnedSocket CreateByNumbers(int sockType, bool inheritable)
    {
        var handle = NativeSocket.CreateNativeSocket(NativeSocket.ToInt(Domain.AF_INET), sockType, NativeSocket.ToInt(Protocol.IPPROTO_TCP), inheritable);
        Assert.False(handle.IsInvalid, $"errno {Marshal.GetLastPInvokeError()}");
        return new OwnedSocket(handle);
    }

    /// <summary>Whether a shell started now has the descriptor open.</summary>
    private static bool ChildSees(SocketHandle handle)
    {
        var fd = handle.Value.ToString(CultureInfo.InvariantCulture);
        using var child = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"[ -e /dev/fd/{fd} ]"]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("/bin/sh did not start");
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), "/bin/sh did not finish");
        return child.ExitCode == 0;
    }
}
