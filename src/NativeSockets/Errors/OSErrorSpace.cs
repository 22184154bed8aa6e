namespace NativeSockets;

/// <summary>Which numbering an <see cref="OSErrorException.ErrorCode"/> belongs to.</summary>
public enum OSErrorSpace
{
    /// <summary>No native code: the error is this library's own finding (the code is 0 or -1).</summary>
    None = 0,

    /// <summary>A POSIX <c>errno</c> value.</summary>
    Errno = 1,

    /// <summary>A <c>getaddrinfo</c>/<c>getnameinfo</c> <c>EAI_*</c> code.</summary>
    AddrInfo = 2,

    /// <summary>A resolver <c>h_errno</c> value (<c>HOST_NOT_FOUND</c>, <c>TRY_AGAIN</c>...).</summary>
    Resolver = 3,

    /// <summary>A Winsock error (<c>WSAGetLastError</c>).</summary>
    Winsock = 4,
}
