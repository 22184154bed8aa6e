using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// A child process started after an Accept holds the accepted socket only when asked for: the child
/// lists its own descriptors. The raw accept, like C's, leaves the socket inheritable.
/// </summary>
public unsafe class AcceptInheritanceTests
{
    [PosixFact("a child lists /proc/self/fd")]
    public void A_child_holds_an_accepted_socket_only_when_it_was_accepted_inheritable()
    {
        using var listener = Loopback.ListenV4();
        using var peers = new DisposableList();

        var byDefault = AcceptOne(listener.Handle, peers, handle => NativeSocket.Accept(handle).Client);
        var notInheritable = AcceptOne(listener.Handle, peers, handle => NativeSocket.Accept(handle, out _, out _));
        var inheritable = AcceptOne(listener.Handle, peers, handle => NativeSocket.Accept(handle, inheritable: true).Client);
        var raw = AcceptOne(listener.Handle, peers, handle => NativeSocket.Accept(handle, null, null));

        var inherited = ChildProcesses.InheritedDescriptors();

        Assert.DoesNotContain((int)byDefault.Handle.Value, inherited);
        Assert.DoesNotContain((int)notInheritable.Handle.Value, inherited);
        Assert.Contains((int)inheritable.Handle.Value, inherited);
        Assert.Contains((int)raw.Handle.Value, inherited);
    }

    [PosixFact("a child lists /proc/self/fd")]
    public void SetInheritable_on_an_accepted_socket_decides_what_the_next_child_holds()
    {
        using var listener = Loopback.ListenV4();
        using var peers = new DisposableList();
        var accepted = AcceptOne(listener.Handle, peers, handle => NativeSocket.Accept(handle).Client);
        var fd = (int)accepted.Handle.Value;

        Assert.True(NativeSocket.SetInheritable(accepted.Handle, true));
        Assert.Contains(fd, ChildProcesses.InheritedDescriptors());
        Assert.True(NativeSocket.SetInheritable(accepted.Handle, false));
        Assert.DoesNotContain(fd, ChildProcesses.InheritedDescriptors());
    }

    /// <summary>Connects a peer, accepts it with <paramref name="accept"/>, and keeps both for disposal.</summary>
    private static OwnedSocket AcceptOne(SocketHandle listener, DisposableList peers, System.Func<SocketHandle, SocketHandle> accept)
    {
        peers.Add(LoopbackPeers.ConnectTo(listener));
        Loopback.WaitForPendingConnection(listener);
        var accepted = new OwnedSocket(accept(listener));
        peers.Add(accepted);
        Assert.False(accepted.Handle.IsInvalid, $"accept failed: errno {NativeSocket.LastError}");
        return accepted;
    }

    private sealed class DisposableList : System.Collections.Generic.List<System.IDisposable>, System.IDisposable
    {
        public void Dispose() => ForEach(item => item.Dispose());
    }
}
