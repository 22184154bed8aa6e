using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class OSErrorExceptionTests
{
    [Fact]
    public void An_errno_gets_the_platform_text_for_it()
    {
        var error = new OSErrorException(NativeSocket.ECONNREFUSED, OSErrorSpace.Errno);

        Assert.Equal(Marshal.GetPInvokeErrorMessage(NativeSocket.ECONNREFUSED), error.Message);
        Assert.Equal(NativeSocket.ECONNREFUSED, error.ErrorCode);
        Assert.Equal(OSErrorSpace.Errno, error.Space);
        Assert.Null(error.AdditionalInfo);
    }

    [Fact]
    public void Additional_info_follows_the_code_text_on_its_own_line()
    {
        var error = new OSErrorException(NativeSocket.EADDRINUSE, OSErrorSpace.Errno, "while binding 127.0.0.1:80");

        Assert.Equal(Marshal.GetPInvokeErrorMessage(NativeSocket.EADDRINUSE) + "\nAdditional info: while binding 127.0.0.1:80", error.Message);
        Assert.Equal("while binding 127.0.0.1:80", error.AdditionalInfo);
    }

    [Fact]
    public void Without_code_text_the_additional_info_stands_alone()
    {
        Assert.Equal("Additional info: x", new OSErrorException(0, OSErrorSpace.Errno, "x").Message);
        Assert.Equal("Additional info: x", new OSErrorException(PlatformErrors.NotOpen, OSErrorSpace.None, "x").Message);
        Assert.Equal("Additional info: x", new OSErrorException(PlatformErrors.NotOpen, OSErrorSpace.Errno, string.Empty, "x").Message);
    }

    [Fact]
    public void Without_code_text_or_additional_info_the_message_is_unknown_OS_error()
    {
        Assert.Equal("unknown OS error", new OSErrorException(0, OSErrorSpace.Errno).Message);
        Assert.Equal("unknown OS error", new OSErrorException(0, OSErrorSpace.Errno, string.Empty).Message);
        Assert.Equal("unknown OS error", new OSErrorException(PlatformErrors.NotOpen, OSErrorSpace.None, null).Message);
        Assert.Equal("unknown OS error", new OSErrorException(1, OSErrorSpace.None, string.Empty, null).Message);
        Assert.Equal("unknown OS error", new OSErrorException().Message);
    }

    [Fact]
    public void A_given_code_text_is_used_as_is_and_gets_no_second_newline()
    {
        Assert.Equal("text", new OSErrorException(5, OSErrorSpace.Errno, "text", null).Message);
        Assert.Equal("text", new OSErrorException(5, OSErrorSpace.Errno, "text", string.Empty).Message);
        Assert.Equal("text\nAdditional info: more", new OSErrorException(5, OSErrorSpace.Errno, "text", "more").Message);
        Assert.Equal("text\nAdditional info: more", new OSErrorException(5, OSErrorSpace.Errno, "text\n", "more").Message);
    }

    [Fact]
    public void The_plain_constructors_carry_no_native_code()
    {
        var empty = new OSErrorException();
        var withMessage = new OSErrorException("boom");
        var inner = new InvalidOperationException("cause");
        var withInner = new OSErrorException("boom", inner);

        Assert.Equal((0, OSErrorSpace.None), (empty.ErrorCode, empty.Space));
        Assert.Equal((0, OSErrorSpace.None), (withMessage.ErrorCode, withMessage.Space));
        Assert.Equal((0, OSErrorSpace.None), (withInner.ErrorCode, withInner.Space));
        Assert.Equal("Additional info: boom", withMessage.Message);
        Assert.Equal("boom", withMessage.AdditionalInfo);
        Assert.Equal("Additional info: boom", withInner.Message);
        Assert.Equal("boom", withInner.AdditionalInfo);
        Assert.Same(inner, withInner.InnerException);
    }

    [Fact]
    public void FromLastError_takes_the_last_PInvoke_error()
    {
        Marshal.SetLastPInvokeError(NativeSocket.ENOTCONN);
        var error = OSErrorException.FromLastError("while reading");

        Assert.Equal(NativeSocket.ENOTCONN, error.ErrorCode);
        Assert.Equal(OperatingSystem.IsWindows() ? OSErrorSpace.Winsock : OSErrorSpace.Errno, error.Space);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(NativeSocket.ENOTCONN) + "\nAdditional info: while reading", error.Message);
    }

    [PosixFact("gai_strerror is a header-only function on Windows; the Windows test below checks its text")]
    public void An_addrinfo_code_gets_gai_strerror_text_not_strerror_text()
    {
        var error = new OSErrorException(Native.EAI_NONAME, OSErrorSpace.AddrInfo);
        var expected = Marshal.PtrToStringUTF8((nint)Native.gai_strerror(Native.EAI_NONAME));

        Assert.False(string.IsNullOrEmpty(expected));
        Assert.Equal(expected, error.Message);
        Assert.NotEqual(Marshal.GetPInvokeErrorMessage(Native.EAI_NONAME), error.Message);
        Assert.Equal(OSErrorSpace.AddrInfo, error.Space);
    }

    [PosixFact("Windows has no hstrerror; the Windows test below checks its text")]
    public void A_resolver_code_gets_hstrerror_text()
    {
        var error = new OSErrorException(Native.HOST_NOT_FOUND, OSErrorSpace.Resolver, "localhost");
        var expected = Marshal.PtrToStringUTF8((nint)Native.hstrerror(Native.HOST_NOT_FOUND));

        Assert.False(string.IsNullOrEmpty(expected));
        Assert.Equal(expected + "\nAdditional info: localhost", error.Message);
    }

    [WindowsFact("POSIX has gai_strerror and hstrerror, tested above")]
    public void On_Windows_addrinfo_and_resolver_codes_get_the_systems_message_for_the_Winsock_code()
    {
        var addrInfo = new OSErrorException(Native.EAI_NONAME, OSErrorSpace.AddrInfo);
        var resolver = new OSErrorException(Native.HOST_NOT_FOUND, OSErrorSpace.Resolver, "localhost");

        Assert.Equal(Marshal.GetPInvokeErrorMessage(Native.EAI_NONAME), addrInfo.Message);
        Assert.Equal(Marshal.GetPInvokeErrorMessage(Native.HOST_NOT_FOUND) + "\nAdditional info: localhost", resolver.Message);
    }

    [Fact]
    public void It_is_an_Exception_but_not_an_IOException()
    {
        Assert.IsNotAssignableFrom<System.IO.IOException>(new OSErrorException());
    }
}
