using NativeSockets.Interop;

namespace NativeSockets;

// GetHostByName and GetHostByAddr on macOS, which has no gethostby*_r. Its gethostbyname2 and
// gethostbyaddr keep their result per thread but report errors in h_errno, which is one variable for the
// whole process there, so another thread's lookup can change the error before it is read. getipnodebyname
// and getipnodebyaddr return an entry the caller owns (freed with freehostent) and the error through
// their own int*, so they are the thread-safe pair; with flags 0 they look names up as gethostbyname2.
public static unsafe partial class NativeSocket
{
    // Libinfo's statuses from here up are its own (SI_STATUS_INTERNAL), not h_errno values.
    private const int DarwinInternalStatus = 10;

    /// <summary><see cref="GetHostByName"/> on macOS: <c>getipnodebyname</c> for each family in turn while the host is not found.</summary>
    private static Hostent GetHostByNameDarwin(string name, byte[] nameText, int[] families)
    {
        int? firstError = null;
        foreach (var family in families)
        {
            int error;
            void* found;
            fixed (byte* namePointer = nameText)
            {
                found = Native.getipnodebyname(namePointer, family, 0, &error);
            }

            if (found is not null)
            {
                return TakeDarwinHostent(found);
            }

            error = ToDarwinResolverError(error);
            firstError ??= error;
            if (error != Native.HOST_NOT_FOUND && error != Native.NO_DATA)
            {
                break;
            }
        }

        throw new OSErrorException(firstError!.Value, OSErrorSpace.Resolver, $"getHostByName(\"{name}\")");
    }

    /// <summary><see cref="GetHostByAddr"/> on macOS: <c>getipnodebyaddr</c>.</summary>
    private static Hostent GetHostByAddrDarwin(string ip, byte* address, uint length, int family)
    {
        int error;
        var found = Native.getipnodebyaddr(address, length, family, &error);
        return found is not null
            ? TakeDarwinHostent(found)
            : throw new OSErrorException(ToDarwinResolverError(error), OSErrorSpace.Resolver, $"getHostByAddr(\"{ip}\")");
    }

    /// <summary>The entry a <c>getipnodeby*</c> call returned, which is then freed whether or not it could be read.</summary>
    private static Hostent TakeDarwinHostent(void* found)
    {
        try
        {
            return ToHostent(found);
        }
        finally
        {
            Native.freehostent(found);
        }
    }

    /// <summary>
    /// The h_errno value for a <c>getipnodeby*</c> error: its own when it is one; Libinfo's internal
    /// statuses become NO_RECOVERY (as its gethostbyaddr maps them), and no error at all HOST_NOT_FOUND.
    /// </summary>
    internal static int ToDarwinResolverError(int error) => error switch
    {
        0 => Native.HOST_NOT_FOUND,
        >= DarwinInternalStatus => Native.NO_RECOVERY,
        _ => error,
    };
}
