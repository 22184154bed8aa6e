using System;
using System.Runtime.InteropServices;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>An error code saved from LastError becomes, later, the exception FromLastError would have made then.</summary>
public class SavedErrorCodeTests
{
    [Fact]
    public void LastErrorSpace_is_the_numbering_of_the_platforms_socket_errors()
    {
        Assert.Equal(OperatingSystem.IsWindows() ? OSErrorSpace.Winsock : OSErrorSpace.Errno, NativeSocket.LastErrorSpace);
    }

    [Fact]
    public unsafe void A_saved_code_gives_the_exception_FromLastError_gave_when_it_was_fresh()
    {
        NativeSocket.Close(Descriptors.ClosedHandle());
        var saved = NativeSocket.LastError;
        var fresh = OSErrorException.FromLastError("close");

        // Another failing call overwrites the last error before the saved code is used.
        using var socket = OwnedSocket.Create();
        Assert.Equal(-1, NativeSocket.Connect(socket.Handle, null, 16));
        Assert.Equal(NativeSocket.EFAULT, NativeSocket.LastError);
        var later = OSErrorException.FromErrorCode(saved, "close");

        Assert.Equal(PlatformErrors.NotOpen, saved);
        Assert.Equal(fresh.ErrorCode, later.ErrorCode);
        Assert.Equal(fresh.Space, later.Space);
        Assert.Equal(fresh.Message, later.Message);
        Assert.Equal("close", later.AdditionalInfo);
        Assert.StartsWith(Marshal.GetPInvokeErrorMessage(saved), later.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_saved_code_in_LastErrorSpace_is_the_same_exception_as_FromErrorCode()
    {
        var byHand = new OSErrorException(NativeSocket.ECONNREFUSED, NativeSocket.LastErrorSpace);
        var made = OSErrorException.FromErrorCode(NativeSocket.ECONNREFUSED);

        Assert.Equal(byHand.Message, made.Message);
        Assert.Equal(byHand.Space, made.Space);
        Assert.Null(made.AdditionalInfo);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(NativeSocket.ECONNREFUSED), made.Message);
    }

    [Fact]
    public void FromErrorCode_leaves_the_last_error_as_it_was()
    {
        Marshal.SetLastPInvokeError(NativeSocket.EINVAL);
        _ = OSErrorException.FromErrorCode(NativeSocket.ECONNRESET, "reading");
        Assert.Equal(NativeSocket.EINVAL, NativeSocket.LastError);
    }

    [Fact]
    public void Code_0_is_unknown_OS_error_as_for_FromLastError()
    {
        Assert.Equal("unknown OS error", OSErrorException.FromErrorCode(0).Message);
        Assert.Equal("Additional info: x", OSErrorException.FromErrorCode(0, "x").Message);
    }
}
