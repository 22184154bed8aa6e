using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets.Selectors.Backends;

/// <summary>
/// A handle on the AFD driver (<c>\Device\Afd\NativeSockets</c>), opened with <c>NtCreateFile</c> and
/// associated with a completion port, that AFD polls are submitted through. A poll names the socket it
/// watches, so one handle serves several sockets; the backend gives each handle at most
/// <see cref="MaxSockets"/> of them, as wepoll and mio do, because AFD keeps one handle's polls in a list
/// it walks on every submission and cancellation.
/// </summary>
internal sealed unsafe class AfdHelper
{
    /// <summary>How many sockets share one handle.</summary>
    public const int MaxSockets = 32;

    // The name under \Device\Afd is free: AFD only looks at the device part.
    private const string DeviceName = @"\Device\Afd\NativeSockets";

    private AfdHelper(nint handle) => Handle = handle;

    public nint Handle { get; private set; }

    /// <summary>Registrations submitting their polls through this handle.</summary>
    public int Sockets { get; set; }

    /// <summary>
    /// Opens a handle and associates it with <paramref name="port"/> (completion key 0). Returns the
    /// Win32 error (0 on success): the NTSTATUS of <c>NtCreateFile</c> converted by
    /// <c>RtlNtStatusToDosError</c>, or the last error of the port calls.
    /// </summary>
    public static int TryOpen(nint port, out AfdHelper? helper)
    {
        helper = null;
        void* handle = null;
        var ioStatus = stackalloc byte[Native._IO_STATUS_BLOCK.Size];
        var attributes = stackalloc byte[Native._OBJECT_ATTRIBUTES.Size];
        var name = stackalloc byte[Native._UNICODE_STRING.Size];
        new System.Span<byte>(attributes, Native._OBJECT_ATTRIBUTES.Size).Clear();
        new System.Span<byte>(name, Native._UNICODE_STRING.Size).Clear();
        fixed (char* text = DeviceName)
        {
            var unicode = new Native._UNICODE_STRING(name)
            {
                Length = (ushort)(DeviceName.Length * sizeof(char)),
                MaximumLength = (ushort)(DeviceName.Length * sizeof(char)),
                Buffer = (ushort*)text,
            };
            _ = new Native._OBJECT_ATTRIBUTES(attributes)
            {
                Length = (uint)Native._OBJECT_ATTRIBUTES.Size,
                ObjectName = unicode.Pointer,
            };
            var status = Native.NtCreateFile(
                &handle,
                (uint)Native.SYNCHRONIZE,
                attributes,
                ioStatus,
                null,
                0,
                (uint)(Native.FILE_SHARE_READ | Native.FILE_SHARE_WRITE),
                (uint)Native.FILE_OPEN,
                0,
                null,
                0);
            if (status != Native.STATUS_SUCCESS)
            {
                return (int)Native.RtlNtStatusToDosError(status);
            }
        }

        // Completions go to the port; the handle's own event is never waited on, so the kernel need not set it.
        if (Native.CreateIoCompletionPort(handle, (void*)port, 0, 0) is null
            || Native.SetFileCompletionNotificationModes(handle, (byte)Native.FILE_SKIP_SET_EVENT_ON_HANDLE) == 0)
        {
            var error = Marshal.GetLastPInvokeError();
            Native.CloseHandle(handle);
            return error;
        }

        helper = new AfdHelper((nint)handle);
        return 0;
    }

    /// <summary>
    /// Submits the poll described in <paramref name="state"/>'s block. The completion reaches the port
    /// whether the poll finishes at once or later, carrying the block's address as its context. Returns
    /// the NTSTATUS: STATUS_SUCCESS or STATUS_PENDING mean submitted.
    /// </summary>
    public int Submit(AfdPollState state)
    {
        var info = state.PollInfo;
        var ioStatus = state.IoStatus;
        ioStatus.Status = Native.STATUS_PENDING;
        return Native.NtDeviceIoControlFile(
            (void*)Handle,
            null,
            0,
            state.Block,
            ioStatus.Pointer,
            Native.IOCTL_AFD_POLL,
            info.Pointer,
            (uint)Native._AFD_POLL_INFO.Size,
            info.Pointer,
            (uint)Native._AFD_POLL_INFO.Size);
    }

    /// <summary>
    /// Asks the kernel to complete <paramref name="state"/>'s poll early (with STATUS_CANCELLED). Returns
    /// 0, or the Win32 error; a poll that already completed has nothing to cancel.
    /// </summary>
    public int Cancel(AfdPollState state)
    {
        var ioStatus = state.IoStatus;
        if (ioStatus.Status != Native.STATUS_PENDING)
        {
            return 0;
        }

        var cancelStatus = stackalloc byte[Native._IO_STATUS_BLOCK.Size];
        var status = Native.NtCancelIoFileEx((void*)Handle, ioStatus.Pointer, cancelStatus);
        return status == Native.STATUS_SUCCESS || status == Native.STATUS_NOT_FOUND ? 0 : (int)Native.RtlNtStatusToDosError(status);
    }

    /// <summary>Closes the handle, which also cancels every poll still in flight on it.</summary>
    public void Close()
    {
        if (Handle != 0)
        {
            Native.CloseHandle((void*)Handle);
            Handle = 0;
        }
    }

    /// <summary>
    /// The socket AFD must poll for <paramref name="socket"/>: the base provider's socket
    /// (<c>SIO_BASE_HANDLE</c>). A layered provider that wrongly intercepts that request is passed by
    /// asking it for the socket it hands to <c>select</c>/<c>WSAPoll</c> below it (<c>SIO_BSP_HANDLE_POLL</c>)
    /// and trying again from there, as wepoll does. Returns 0 or the Winsock error.
    /// </summary>
    public static int TryGetBaseSocket(SocketHandle socket, out nint baseSocket)
    {
        var current = (nuint)socket.Value;
        for (var layer = 0; layer < 8; layer++)
        {
            if (TryIoctl(current, Native.SIO_BASE_HANDLE, out var found))
            {
                baseSocket = (nint)found;
                return 0;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == Native.WSAENOTSOCK || !TryIoctl(current, Native.SIO_BSP_HANDLE_POLL, out var below) || below == current)
            {
                baseSocket = -1;
                return error;
            }

            current = below;
        }

        baseSocket = -1;
        return Native.WSAEINVAL;
    }

    private static bool TryIoctl(nuint socket, uint code, out nuint result)
    {
        nuint value = 0;
        uint returned = 0;
        var ok = Native.WSAIoctl(socket, code, null, 0, &value, (uint)sizeof(nuint), &returned, null, 0) != Native.SOCKET_ERROR
            && value != (nuint)Native.INVALID_SOCKET;
        result = value;
        return ok;
    }
}
