using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

// Nim's selectRead/selectWrite contract, built on poll rather than select: no descriptor-number limit
// (select's fd_set overflows above FD_SETSIZE), and a signal does not end the wait early.
public static unsafe partial class NativeSocket
{
    // Up to this many handles the pollfd array lives on the stack; more come from the shared pools.
    private const int StackPollEntries = 64;

    /// <summary>
    /// Nim's <c>selectRead</c>: waits up to <paramref name="timeout"/> milliseconds (default 500, -1 for
    /// no limit) until a socket in <paramref name="readfds"/> can be read without blocking (data, a
    /// pending connection, end of stream or an error), then prunes the list in place to the ready ones.
    /// Returns the number of distinct ready descriptors; 0 on timeout, with the list emptied; -1 on
    /// failure, with the list untouched and the error in <see cref="LastError"/> (<see cref="EBADF"/>
    /// when a handle is closed or invalid, EINVAL when the list has more entries than the process may
    /// open descriptors). Never throws for a native failure. An empty list waits out the timeout and returns 0.
    /// </summary>
    /// <remarks>
    /// The list is pruned as Nim does: a handle that is not ready is replaced by the last one, so the
    /// ready handles do not keep their order, and a ready handle listed twice stays twice but is counted
    /// once. Any descriptor number works (there is no FD_SETSIZE limit), and a wait interrupted by a
    /// signal resumes for the time left.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="readfds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="readfds"/> is empty and <paramref name="timeout"/> is -1: the call would never return.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not -1.</exception>
    public static int SelectRead(List<SocketHandle> readfds, int timeout = 500)
    {
        ArgumentNullException.ThrowIfNull(readfds);
        RefuseEndlessWait(readfds, timeout, nameof(readfds));
        return Select(readfds, timeout, Native.POLLIN);
    }

    /// <summary>
    /// Nim's <c>selectWrite</c>: as <see cref="SelectRead"/>, for sockets in <paramref name="writefds"/>
    /// that can be written without blocking (room to send, a finished or failed connect, or an error).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="writefds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="writefds"/> is empty and <paramref name="timeout"/> is -1: the call would never return.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not -1.</exception>
    public static int SelectWrite(List<SocketHandle> writefds, int timeout = 500)
    {
        ArgumentNullException.ThrowIfNull(writefds);
        RefuseEndlessWait(writefds, timeout, nameof(writefds));
        return Select(writefds, timeout, Native.POLLOUT);
    }

    /// <summary>Nothing to wait for and no time limit: C's select would block the thread for good.</summary>
    private static void RefuseEndlessWait(List<SocketHandle> handles, int timeout, string argumentName)
    {
        if (handles.Count == 0 && timeout == -1)
        {
            throw new ArgumentException("The list is empty and the timeout is -1 (no limit): the call would never return.", argumentName);
        }
    }

    private static int Select(List<SocketHandle> handles, int timeout, int wanted)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, -1);
        var count = handles.Count;
        var entrySize = Native.pollfd.Size;
        byte[]? rentedEntries = null;
        int[]? rentedReady = null;
        var entries = count <= StackPollEntries ? stackalloc byte[count * entrySize] : (rentedEntries = ArrayPool<byte>.Shared.Rent(count * entrySize));
        var ready = count <= StackPollEntries ? stackalloc int[count] : (rentedReady = ArrayPool<int>.Shared.Rent(count));
        try
        {
            fixed (byte* fds = entries)
            {
                return Select(handles, timeout, wanted, fds, entrySize, ready[..count]);
            }
        }
        finally
        {
            if (rentedEntries is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedEntries);
            }

            if (rentedReady is not null)
            {
                ArrayPool<int>.Shared.Return(rentedReady);
            }
        }
    }

    /// <summary>Polls, then prunes <paramref name="handles"/>; <paramref name="ready"/> holds each entry's descriptor if ready, else -1.</summary>
    private static int Select(List<SocketHandle> handles, int timeout, int wanted, byte* fds, int entrySize, Span<int> ready)
    {
        var listed = CollectionsMarshal.AsSpan(handles);
        for (var i = 0; i < listed.Length; i++)
        {
            // poll skips negative descriptors silently; select would fail on them, and so does this.
            if (OperatingSystem.IsWindows() ? listed[i].IsInvalid : listed[i].Value is < 0 or > int.MaxValue)
            {
                Marshal.SetLastPInvokeError(InvalidHandleError);
                return -1;
            }

            var entry = new Native.pollfd(fds + (i * entrySize));
            entry.fd = listed[i].Value;
            entry.events = (short)wanted;
            entry.revents = 0;
        }

        if (Polling.Wait(fds, listed.Length, timeout) < 0)
        {
            return -1;
        }

        // An error or hang-up means the next call will not block either, as select reports it.
        var readyEvents = wanted | Native.POLLERR | Native.POLLHUP;
        for (var i = 0; i < listed.Length; i++)
        {
            var events = new Native.pollfd(fds + (i * entrySize)).revents;
            if ((events & Native.POLLNVAL) != 0)
            {
                Marshal.SetLastPInvokeError(InvalidHandleError);
                return -1;
            }

            // On Windows a SOCKET's value has 32 significant bits, so the descriptor number identifies it too.
            ready[i] = (events & readyEvents) != 0 ? listed[i].FileDescriptor : -1;
        }

        var kept = PruneToReady(listed, ready);
        handles.RemoveRange(kept, handles.Count - kept);
        return CountDistinct(ready[..kept]);
    }

    /// <summary>
    /// The error for a handle that names no socket: EBADF, as <c>select</c> reports it on POSIX, or
    /// WSAENOTSOCK, as Winsock's <c>select</c> does.
    /// </summary>
    internal static int InvalidHandleError => OperatingSystem.IsWindows() ? Native.WSAENOTSOCK : Native.EBADF;

    /// <summary>Nim's pruneSocketSet: each handle not ready is overwritten by the last one, which is then checked in its place.</summary>
    private static int PruneToReady(Span<SocketHandle> handles, Span<int> ready)
    {
        var i = 0;
        var length = handles.Length;
        while (i < length)
        {
            if (ready[i] >= 0)
            {
                i++;
            }
            else
            {
                length--;
                handles[i] = handles[length];
                ready[i] = ready[length];
            }
        }

        return length;
    }

    private static int CountDistinct(Span<int> descriptors)
    {
        descriptors.Sort();
        var distinct = 0;
        for (var i = 0; i < descriptors.Length; i++)
        {
            if (i == 0 || descriptors[i] != descriptors[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }
}
