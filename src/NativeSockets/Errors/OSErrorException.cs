using System;
using System.Runtime.InteropServices;

namespace NativeSockets;

/// <summary>
/// Nim's <c>OSError</c>: a native call failed. <see cref="ErrorCode"/> is the real code and
/// <see cref="Space"/> says which numbering it belongs to. The message is Nim's: the platform's own
/// text for the code, then <c>Additional info: ...</c> on a new line when there is more to say.
/// </summary>
public class OSErrorException : Exception
{
    /// <summary>Creates the exception for <paramref name="errorCode"/> in <paramref name="space"/>, with the platform's message for it.</summary>
    public OSErrorException(int errorCode, OSErrorSpace space, string? additionalInfo = null)
        : this(errorCode, space, DescribeCode(errorCode, space), additionalInfo)
    {
    }

    /// <summary>Creates the exception with a message already known for the code.</summary>
    public OSErrorException(int errorCode, OSErrorSpace space, string codeMessage, string? additionalInfo)
        : base(ComposeMessage(codeMessage, additionalInfo))
    {
        ErrorCode = errorCode;
        Space = space;
        AdditionalInfo = additionalInfo;
    }

    /// <summary>Creates the exception with a message and no native code.</summary>
    public OSErrorException()
        : this(0, OSErrorSpace.None, string.Empty, null)
    {
    }

    /// <summary>Creates the exception with a message and no native code.</summary>
    public OSErrorException(string message)
        : this(0, OSErrorSpace.None, string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message, no native code, and the exception that caused it.</summary>
    public OSErrorException(string message, Exception innerException)
        : base(ComposeMessage(string.Empty, message), innerException)
    {
        AdditionalInfo = message;
    }

    /// <summary>The native error code, in the numbering <see cref="Space"/> names.</summary>
    public int ErrorCode { get; }

    /// <summary>Which numbering <see cref="ErrorCode"/> belongs to.</summary>
    public OSErrorSpace Space { get; }

    /// <summary>What the failing call adds to the code's own message, or null.</summary>
    public string? AdditionalInfo { get; }

    /// <summary>The exception for the last P/Invoke error (errno, or the Winsock error on Windows).</summary>
    public static OSErrorException FromLastError(string? additionalInfo = null) =>
        new(Marshal.GetLastPInvokeError(), LastErrorSpace, additionalInfo);

    /// <summary>
    /// The exception for an error code saved from <see cref="NativeSocket.LastError"/> earlier (before other
    /// calls overwrote it), in the running platform's numbering: the same exception
    /// <see cref="FromLastError"/> would have made then, with the system's message for the code.
    /// </summary>
    public static OSErrorException FromErrorCode(int errorCode, string? additionalInfo = null) =>
        new(errorCode, LastErrorSpace, additionalInfo);

    /// <summary>The numbering of <see cref="Marshal.GetLastPInvokeError"/>'s codes: Winsock's on Windows, errno elsewhere.</summary>
    internal static OSErrorSpace LastErrorSpace => OperatingSystem.IsWindows() ? OSErrorSpace.Winsock : OSErrorSpace.Errno;

    /// <summary>Nim's message: the code's text, then "Additional info: ..." on its own line, or "unknown OS error".</summary>
    private static string ComposeMessage(string codeMessage, string? additionalInfo)
    {
        var message = codeMessage;
        if (!string.IsNullOrEmpty(additionalInfo))
        {
            if (message.Length > 0 && !message.EndsWith('\n'))
            {
                message += "\n";
            }

            message += "Additional info: " + additionalInfo;
        }

        return message.Length == 0 ? "unknown OS error" : message;
    }

    /// <summary>
    /// The platform's text for the code. Looking it up must not change <see cref="NativeSocket.LastError"/>:
    /// on Windows the lookup is <c>FormatMessage</c>, which records its own error (317 when the system has
    /// no text for the code), and callers read the failed call's error after catching this exception.
    /// </summary>
    private static string DescribeCode(int errorCode, OSErrorSpace space)
    {
        var lastError = Marshal.GetLastPInvokeError();
        var text = (errorCode, space) switch
        {
            (0, _) or (_, OSErrorSpace.None) => string.Empty,
            (_, OSErrorSpace.Errno or OSErrorSpace.Winsock) => Marshal.GetPInvokeErrorMessage(errorCode),
            _ => NativeErrorText.Describe(errorCode, space),
        };
        Marshal.SetLastPInvokeError(lastError);
        return text;
    }
}
