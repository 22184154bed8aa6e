using System.Net.Sockets;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace NativeSockets.Benchmarks;

/// <summary>socket() + close(): the cost of the binding around the two cheapest socket calls.</summary>
[MemoryDiagnoser]
public class SocketLifetimeBenchmarks
{
    private static readonly int InternetFamily = NativeSocket.ToInt(Domain.AF_INET);
    private static readonly int StreamType = NativeSocket.ToInt(SockType.SOCK_STREAM);

    [Benchmark(Baseline = true)]
    public int RawPInvoke() => RawLibc.close(RawLibc.socket(InternetFamily, StreamType, 0));

    [Benchmark]
    public void NativeSockets() => NativeSocket.Close(NativeSocket.CreateNativeSocket());

    [Benchmark]
    public void SystemNet() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp).Dispose();

    /// <summary>The hand-written, blittable floor (linux-x64's libc).</summary>
    private static class RawLibc
    {
        [DllImport("libc.so.6")]
        public static extern int socket(int domain, int type, int protocol);

        [DllImport("libc.so.6")]
        public static extern int close(int fd);
    }
}
