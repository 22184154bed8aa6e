using BenchmarkDotNet.Attributes;

namespace NativeSockets.Benchmarks;

/// <summary>
/// The platform dispatch: ToInt and the byte-order helpers read the generated per-platform constants,
/// and should cost no more than returning a constant once the JIT has folded the platform tests.
/// </summary>
public class ConversionBenchmarks
{
    private ushort _port = 8080;

    [Benchmark(Baseline = true)]
    public int Constant() => 10;

    [Benchmark]
    public int ToIntDomain() => NativeSocket.ToInt(Domain.AF_INET6);

    [Benchmark]
    public int ToIntProtocol() => NativeSocket.ToInt(Protocol.IPPROTO_TCP);

    [Benchmark]
    public ushort Htons() => NativeSocket.Htons(_port++);
}
