using System;
using System.Runtime.InteropServices;
using System.Text;
using NativeSockets.Interop;

namespace NativeSockets;

/// <summary>
/// Nim's <c>Sockaddr_un</c> (C's <c>struct sockaddr_un</c>): an AF_UNIX socket address in the running
/// platform's layout, large enough for every platform's. Build one with <see cref="NativeSocket.MakeUnixAddr"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 110)]
public unsafe struct SockAddrUn
{
    private fixed byte _bytes[110];

    /// <summary>
    /// How many bytes the running platform's <c>sun_path</c> holds, its terminating NUL included (108 on
    /// Linux): a path must be shorter than this.
    /// </summary>
    public static int PathCapacity
    {
        get
        {
            SockAddrUn probe = default;
            return new Native.sockaddr_un(&probe).sun_path.Length;
        }
    }

    /// <summary>The native address family number: <c>NativeSocket.ToInt(Domain.AF_UNIX)</c> for a valid address.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">Set to a number outside 0 to 65535.</exception>
    public int sun_family
    {
        readonly get
        {
            var copy = this;
            return new Native.sockaddr_un(&copy).sun_family;
        }

        set
        {
            fixed (SockAddrUn* self = &this)
            {
                var view = new Native.sockaddr_un(self);
                view.sun_family = AddressFamilyNumber.Checked(value);
                if (Native.sockaddr_un.Has_sun_len)
                {
                    // BSD and macOS keep the address length in a byte before a one-byte family.
                    view.sun_len = (byte)Native.sockaddr_un.Size;
                }
            }
        }
    }

    /// <summary>
    /// The path, UTF-8 in <c>sun_path</c>, read as C reads it: up to the first NUL (so a Linux abstract
    /// name, which starts with a NUL, reads as ""). Setting it copies the path and its terminating NUL.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">
    /// Set to a path of <see cref="PathCapacity"/> UTF-8 bytes or more ("socket path too long"), or to a path that does
    /// not start with a NUL but contains one.
    /// </exception>
    public string sun_path
    {
        readonly get
        {
            var copy = this;
            var path = new Native.sockaddr_un(&copy).sun_path;
            var end = path.IndexOf((byte)0);
            return Encoding.UTF8.GetString(end < 0 ? path : path[..end]);
        }

        set => SetPath(value, nameof(value));
    }

    /// <summary>An AF_UNIX address for <paramref name="path"/>; errors name <paramref name="argumentName"/>.</summary>
    internal static SockAddrUn Create(string path, string argumentName)
    {
        var address = new SockAddrUn { sun_family = Native.AF_UNIX };
        address.SetPath(path, argumentName);
        return address;
    }

    private void SetPath(string path, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(path, argumentName);
        fixed (SockAddrUn* self = &this)
        {
            // An abstract name (leading NUL) is raw bytes; in a path a NUL would silently end it early.
            if (path.Length > 0 && path[0] != '\0' && path.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("The path contains a NUL character, which would end it early; only an abstract name starts with one.", argumentName);
            }

            var destination = new Native.sockaddr_un(self).sun_path;
            var length = Encoding.UTF8.GetByteCount(path);
            if (length >= destination.Length)
            {
                throw new ArgumentException(
                    $"socket path too long: {length} bytes, and sun_path holds at most {destination.Length - 1} and its terminating NUL.", argumentName);
            }

            destination.Clear();
            Encoding.UTF8.GetBytes(path, destination);
        }
    }
}
