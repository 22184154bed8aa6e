using System.Runtime.InteropServices;

namespace NativeSockets.Workloads;

/// <summary>
/// The floor: the P/Invoke a person would write by hand for linux-x64 (blittable, no error capture).
/// The numbers are linux-x64's, as native-defs/linux-x64.defs states them; this baseline runs nowhere else.
/// </summary>
internal static unsafe partial class RawLinux
{
    public const int AF_INET = 2;
    public const int SOCK_STREAM = 1;
    public const int SOCK_DGRAM = 2;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int IPPROTO_TCP = 6;
    public const int TCP_NODELAY = 1;
    public const int SOL_SOCKET = 1;
    public const int SO_KEEPALIVE = 9;
    public const short POLLIN = 1;
    public const int MSG_NOSIGNAL = 0x4000;
    public const int MSG_WAITALL = 0x100;
    public const int SOMAXCONN = 4096;
    public const int EPOLL_CLOEXEC = 0x80000;
    public const int EPOLL_CTL_ADD = 1;
    public const uint EPOLLIN = 1;

    private const string Libc = "libc.so.6";

    [DllImport(Libc)]
    public static extern int socket(int domain, int type, int protocol);

    [DllImport(Libc)]
    public static extern int close(int fd);

    [DllImport(Libc)]
    public static extern int bind(int fd, SockaddrIn* address, uint length);

    [DllImport(Libc)]
    public static extern int listen(int fd, int backlog);

    [DllImport(Libc)]
    public static extern int connect(int fd, SockaddrIn* address, uint length);

    [DllImport(Libc)]
    public static extern int accept4(int fd, void* address, uint* length, int flags);

    [DllImport(Libc)]
    public static extern int getsockname(int fd, SockaddrIn* address, uint* length);

    [DllImport(Libc)]
    public static extern int setsockopt(int fd, int level, int name, void* value, uint length);

    [DllImport(Libc)]
    public static extern int getsockopt(int fd, int level, int name, void* value, uint* length);

    [DllImport(Libc)]
    public static extern int getaddrinfo(byte* node, byte* service, AddrinfoHints* hints, void** result);

    [DllImport(Libc)]
    public static extern void freeaddrinfo(void* result);

    [DllImport(Libc)]
    public static extern int getservbyname_r(byte* name, byte* protocol, void* entry, byte* buffer, nuint length, void** result);

    [DllImport(Libc)]
    public static extern int poll(Pollfd* fds, ulong count, int timeout);

    [DllImport(Libc)]
    public static extern int epoll_create1(int flags);

    [DllImport(Libc)]
    public static extern int epoll_ctl(int epoll, int operation, int fd, EpollEvent* events);

    [DllImport(Libc)]
    public static extern int epoll_wait(int epoll, EpollEvent* events, int count, int timeout);

    [DllImport(Libc)]
    public static extern nint send(int fd, void* buffer, nuint length, int flags);

    [DllImport(Libc)]
    public static extern nint recv(int fd, void* buffer, nuint length, int flags);

    [StructLayout(LayoutKind.Sequential)]
    public struct SockaddrIn
    {
        public ushort Family;
        public ushort Port;
        public uint Address;
        public ulong Zero;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct AddrinfoHints
    {
        public int Flags;
        public int Family;
        public int SockType;
        public int Protocol;
        public uint AddressLength;
        public void* Address;
        public byte* CanonicalName;
        public void* Next;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Pollfd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    /// <summary>x86-64's <c>struct epoll_event</c>, packed to 12 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }
}
