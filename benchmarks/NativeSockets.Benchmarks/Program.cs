using BenchmarkDotNet.Running;

// `dotnet run -c Release --project benchmarks/NativeSockets.Benchmarks -- --filter '*'` (BenchmarkDotNet's own options).
BenchmarkSwitcher.FromAssembly(typeof(NativeSockets.Benchmarks.SocketLifetimeBenchmarks).Assembly).Run(args);
