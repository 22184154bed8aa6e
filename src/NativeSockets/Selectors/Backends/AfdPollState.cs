using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets.Selectors.Backends;

/// <summary>Where one registration's AFD poll is.</summary>
internal enum AfdPollStatus
{
    /// <summary>No poll in flight: the kernel holds no pointer into the block, which may be freed or reused.</summary>
    Idle,

    /// <summary>A poll is in flight: the kernel writes the block when it completes.</summary>
    Pending,

    /// <summary>A poll in flight was asked to stop: its completion (cancelled, or one that won the race) is still to come.</summary>
    Cancelled,
}

/// <summary>
/// One socket registered with an <see cref="AfdBackend"/>: its token and interest, and a native block
/// (not moved by the garbage collector) holding the <c>IO_STATUS_BLOCK</c> and the one-handle
/// <c>AFD_POLL_INFO</c> the kernel writes when the poll completes. The block lives until no poll is in
/// flight, which may be after the registration was removed.
/// </summary>
internal sealed unsafe class AfdPollState
{
    public AfdPollState(ulong token, SocketHandle socket, nint baseSocket, AfdHelper helper)
    {
        Token = token;
        Socket = socket;
        BaseSocket = baseSocket;
        Helper = helper;
        Block = (byte*)NativeMemory.AllocZeroed((nuint)BlockSize);
    }

    /// <summary>IO_STATUS_BLOCK, then AFD_POLL_INFO: both 8-aligned, as every allocation is.</summary>
    private static int BlockSize => Native._IO_STATUS_BLOCK.Size + Native._AFD_POLL_INFO.Size;

    public ulong Token { get; }

    /// <summary>The socket as registered: <c>SO_ERROR</c> is read from it.</summary>
    public SocketHandle Socket { get; }

    /// <summary>The base provider's socket under any layered providers: what AFD polls.</summary>
    public nint BaseSocket { get; }

    /// <summary>The <c>\Device\Afd</c> handle the polls are submitted on (and cancelled through).</summary>
    public AfdHelper Helper { get; }

    /// <summary>Read and/or Write: what the registration reports.</summary>
    public Event Interest { get; set; }

    public AfdPollStatus Status { get; set; }

    /// <summary>The AFD_POLL_* bits the poll in flight waits for (0 when none is).</summary>
    public uint PendingEvents { get; set; }

    /// <summary>Removed from the backend: the block is freed as soon as no poll is in flight.</summary>
    public bool Removed { get; set; }

    /// <summary>The socket was closed (AFD_POLL_LOCAL_CLOSE, or a poll refused its handle): never re-armed.</summary>
    public bool Closed { get; set; }

    /// <summary>Waiting in the backend's list of polls to submit at the start of the next wait.</summary>
    public bool ArmQueued { get; set; }

    /// <summary>The native block; also the completion's context, which leads back to this state.</summary>
    public byte* Block { get; private set; }

    public Native._IO_STATUS_BLOCK IoStatus => new(Block);

    public Native._AFD_POLL_INFO PollInfo => new(Block + Native._IO_STATUS_BLOCK.Size);

    /// <summary>Frees the block; only when no poll is in flight, since the kernel would write freed memory.</summary>
    public void Free()
    {
        if (Block is not null)
        {
            NativeMemory.Free(Block);
            Block = null;
        }
    }
}
