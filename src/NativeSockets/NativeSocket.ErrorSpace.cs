namespace NativeSockets;

public static partial class NativeSocket
{
    /// <summary>
    /// The numbering <see cref="LastError"/>'s codes belong to on the running platform:
    /// <see cref="OSErrorSpace.Winsock"/> on Windows, <see cref="OSErrorSpace.Errno"/> elsewhere. With it a
    /// saved code becomes the exception <see cref="OSErrorException.FromLastError"/> would have made:
    /// <c>new OSErrorException(code, NativeSocket.LastErrorSpace)</c>, which
    /// <see cref="OSErrorException.FromErrorCode"/> does.
    /// </summary>
    public static OSErrorSpace LastErrorSpace => OSErrorException.LastErrorSpace;
}
