using System;
using System.Runtime.InteropServices;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// The scratch buffer the reentrant netdb functions (<c>getservbyname_r</c>...) fill: it starts at a
/// size that fits ordinary entries and doubles while the function answers ERANGE.
/// </summary>
internal sealed unsafe class LookupBuffer : IDisposable
{
    private const int InitialSize = 1024;

    // An entry larger than this is not a real entry: stop rather than grow without end.
    private const int MaximumSize = 1 << 24;

    public LookupBuffer() => Allocate(InitialSize);

    public byte* Pointer { get; private set; }

    public nuint Length { get; private set; }

    /// <summary>Whether to call again: true (with a buffer twice as large) when <paramref name="result"/> is ERANGE.</summary>
    /// <exception cref="OSErrorException">The entry still does not fit at the largest size.</exception>
    public bool Retry(int result, string call)
    {
        if (result != Native.ERANGE)
        {
            return false;
        }

        var doubled = (int)Length * 2;
        if (doubled > MaximumSize)
        {
            throw new OSErrorException(result, OSErrorSpace.Errno, $"{call}: the entry does not fit in {MaximumSize} bytes");
        }

        NativeMemory.Free(Pointer);
        Pointer = null;
        Allocate(doubled);
        return true;
    }

    public void Dispose()
    {
        NativeMemory.Free(Pointer);
        Pointer = null;
    }

    private void Allocate(int size)
    {
        Pointer = (byte*)NativeMemory.Alloc((nuint)size);
        Length = (nuint)size;
    }
}
