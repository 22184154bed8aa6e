using NativeSockets.Interop;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

public unsafe class LookupBufferTests
{
    [PosixFact("the buffer serves the reentrant netdb calls (getservbyname_r...), which Windows does not have")]
    public void ERANGE_doubles_the_buffer_and_anything_else_stops()
    {
        using var buffer = new LookupBuffer();
        var first = buffer.Length;

        Assert.True(buffer.Retry(Native.ERANGE, "getservbyname_r"));
        Assert.Equal(first * 2, buffer.Length);
        Assert.True(buffer.Pointer is not null);

        // The whole new buffer is writable.
        new System.Span<byte>(buffer.Pointer, (int)buffer.Length).Fill(0xAB);
        Assert.False(buffer.Retry(0, "getservbyname_r"));
        Assert.False(buffer.Retry(Native.ENOENT, "getservbyname_r"));
        Assert.Equal(first * 2, buffer.Length);
    }

    [PosixFact("the buffer serves the reentrant netdb calls (getservbyname_r...), which Windows does not have")]
    public void An_entry_that_never_fits_ends_in_an_ERANGE_error_naming_the_call()
    {
        using var buffer = new LookupBuffer();

        var error = Assert.Throws<OSErrorException>(() =>
        {
            while (buffer.Retry(Native.ERANGE, "gethostbyname2_r"))
            {
            }
        });

        Assert.Equal(Native.ERANGE, error.ErrorCode);
        Assert.Equal(OSErrorSpace.Errno, error.Space);
        Assert.StartsWith("gethostbyname2_r", error.AdditionalInfo, System.StringComparison.Ordinal);
    }
}
