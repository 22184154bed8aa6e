using NativeSockets.Interop;

namespace NativeSockets;

// The names sendmsg and recvmsg callers compare and pass. Each reads the running platform's number;
// where the platform has no such name, reading it throws PlatformNotSupportedException.
public static partial class NativeSocket
{
    /// <summary>The platform's <c>SCM_RIGHTS</c>: the control message type (at <see cref="SOL_SOCKET"/>) that carries descriptors.</summary>
    public static int SCM_RIGHTS => Native.SCM_RIGHTS;

    /// <summary>The platform's <c>MSG_CTRUNC</c>: <c>recvmsg</c> had no room for all the control data (in <see cref="MsgHdr.msg_flags"/>).</summary>
    public static int MSG_CTRUNC => Native.MSG_CTRUNC;

    /// <summary>The platform's <c>MSG_TRUNC</c>: a datagram was longer than the buffers (in <see cref="MsgHdr.msg_flags"/>).</summary>
    public static int MSG_TRUNC => Native.MSG_TRUNC;

    /// <summary>
    /// The platform's <c>MSG_CMSG_CLOEXEC</c> (Linux, FreeBSD; not macOS): a <c>recvmsg</c> flag that makes
    /// the descriptors it receives close-on-exec atomically. <see cref="RecvHandles"/> passes it itself.
    /// </summary>
    public static int MSG_CMSG_CLOEXEC => Native.MSG_CMSG_CLOEXEC;
}
