using System;
using NativeSockets.Interop;

namespace NativeSockets;

// C's CMSG_* macros. Their numbers are the platform's: a control message's data starts at CMSG_LEN(0)
// (16 on Linux and FreeBSD, 12 on macOS) and messages are padded to the alignment CMSG_ALIGN uses
// (sizeof(size_t) on Linux, 4 on macOS, sizeof(long) on FreeBSD), both read from the definitions.
public static unsafe partial class NativeSocket
{
    /// <summary>
    /// C's <c>CMSG_LEN</c>: the <see cref="CmsgHdr.cmsg_len"/> of a control message with
    /// <paramref name="dataLength"/> bytes of data (the header, its padding, and the data).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dataLength"/> is negative or too large for an <c>int</c> result.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows, which has no control messages of this form.</exception>
    public static int CmsgLen(int dataLength) => CmsgDataOffset + CheckedDataLength(dataLength, padded: false);

    /// <summary>
    /// C's <c>CMSG_SPACE</c>: the bytes a control message with <paramref name="dataLength"/> bytes of data
    /// takes in <see cref="MsgHdr.msg_control"/>, padding included; the room to allocate.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dataLength"/> is negative or too large for an <c>int</c> result.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows, which has no control messages of this form.</exception>
    public static int CmsgSpace(int dataLength) => CmsgDataOffset + CmsgAlign(CheckedDataLength(dataLength, padded: true));

    /// <summary>C's <c>CMSG_DATA</c>: the first byte of the control message's data.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is null.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows.</exception>
    public static byte* CmsgData(CmsgHdr* header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return (byte*)header + CmsgDataOffset;
    }

    /// <summary>
    /// C's <c>CMSG_FIRSTHDR</c>: the first control message of <paramref name="message"/>'s control data, or
    /// null when <see cref="MsgHdr.msg_controllen"/> is too short for a header.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows.</exception>
    public static CmsgHdr* CmsgFirstHdr(MsgHdr* message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfWindows(nameof(CmsgFirstHdr), "msghdr");
        return message->msg_control is not null && message->msg_controllen >= (nuint)Native.cmsghdr.Size
            ? (CmsgHdr*)message->msg_control
            : null;
    }

    /// <summary>
    /// C's <c>CMSG_NXTHDR</c>: the control message after <paramref name="header"/> (the first for null), or
    /// null when none follows inside <see cref="MsgHdr.msg_controllen"/>. A header whose length would run
    /// past the buffer, or is shorter than a header, ends the walk (as glibc's does), so a walk never
    /// reads outside the control data.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="PlatformNotSupportedException">Windows.</exception>
    public static CmsgHdr* CmsgNextHdr(MsgHdr* message, CmsgHdr* header)
    {
        var first = CmsgFirstHdr(message);
        if (header is null || first is null)
        {
            return first;
        }

        var end = (byte*)message->msg_control + message->msg_controllen;
        var headerSize = (nuint)Native.cmsghdr.Size;
        if ((byte*)header < (byte*)first || (nuint)(end - (byte*)header) < headerSize || header->cmsg_len < headerSize
            || header->cmsg_len > (nuint)(end - (byte*)header))
        {
            return null;
        }

        var next = (byte*)header + CmsgAlign(header->cmsg_len);
        if (next + headerSize > end || next < (byte*)header)
        {
            return null;
        }

        var nextHeader = (CmsgHdr*)next;
        return nextHeader->cmsg_len <= (nuint)(end - next) ? nextHeader : null;
    }

    /// <summary>Where a control message's data starts: <c>CMSG_LEN(0)</c>.</summary>
    private static int CmsgDataOffset
    {
        get
        {
            ThrowIfWindows("CMSG_*", "msghdr");
            return (int)Native.CMSG_LEN_0;
        }
    }

    /// <summary>
    /// The alignment of control messages. <c>CMSG_SPACE(4) - CMSG_LEN(0)</c> is <c>CMSG_ALIGN(4)</c>, which is the
    /// alignment itself because every platform aligns to at least a header's 4-byte <c>int</c>s.
    /// </summary>
    private static int CmsgAlignment => (int)(Native.CMSG_SPACE_4 - Native.CMSG_LEN_0);

    private static int CmsgAlign(int length) => (length + CmsgAlignment - 1) & ~(CmsgAlignment - 1);

    private static nuint CmsgAlign(nuint length) => (length + (nuint)CmsgAlignment - 1) & ~(nuint)(CmsgAlignment - 1);

    /// <summary>The data length, refused when negative or when the message's length would not fit an <c>int</c>.</summary>
    private static int CheckedDataLength(int dataLength, bool padded)
    {
        var limit = int.MaxValue - CmsgDataOffset - (padded ? CmsgAlignment : 0);
        return dataLength >= 0 && dataLength <= limit
            ? dataLength
            : throw new ArgumentOutOfRangeException(nameof(dataLength), dataLength, $"A control message's data length must be from 0 to {limit}.");
    }
}
