using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using NativeSockets.Workloads;

// Usage: NativeSockets.Workloads [--rounds N] [--scale F] [--smoke] [--only W1,W6-2000,...] [--c PATH-TO-C-WORKLOADS]
//        NativeSockets.Workloads --server NAME=COMMAND ... --idle-clients PATH [--rounds N] [--seconds S] [--connections N] [--idle N] [--smoke]
//          (W9: each COMMAND is a server taking a port, loaded by wrk; see HttpLoad)
var rounds = 5;
var servers = new List<(string Name, string Command)>();
string? idleClients = null;
var seconds = 5;
var connections = 100;
var idleConnections = 10_000;
var scale = 1.0;
string? cBinary = null;
string[]? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--scale": scale = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--smoke": rounds = 1; scale = 0.01; Measurement.WarmUp = TimeSpan.Zero; seconds = 1; idleConnections = 1_000; break;
        case "--server": var pair = args[++i].Split('=', 2); servers.Add((pair[0], pair[1])); break;
        case "--idle-clients": idleClients = args[++i]; break;
        case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--connections": connections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--idle": idleConnections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--c": cBinary = args[++i]; break;
        case "--only": only = args[++i].Split(','); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

if (servers.Count > 0)
{
    if (only is not null && !only.Contains("W9"))
    {
        return 0;
    }

    if (idleClients is null)
    {
        Console.Error.WriteLine("W9 needs --idle-clients PATH (benchmarks/native/idle-clients.c)");
        return 2;
    }

    return new HttpLoad(new HttpLoad.Settings(idleClients, connections, idleConnections, seconds, rounds)).Run(servers) ? 0 : 1;
}

long Scaled(long iterations) => Math.Max(10, (long)(iterations * scale));
Workload[] allWorkloads =
[
    new("W1", "socket+close", Scaled(20_000), RawWorkloads.SocketClose, SystemNetWorkloads.SocketClose, NativeSocketsWorkloads.SocketClose),
    new("W2", "connect+accept+close both", Scaled(2_000), RawWorkloads.ConnectAccept, SystemNetWorkloads.ConnectAccept, NativeSocketsWorkloads.ConnectAccept),
    new("W3", "setsockopt+getsockopt SO_KEEPALIVE", Scaled(200_000), RawWorkloads.SetGetOption, SystemNetWorkloads.SetGetOption, NativeSocketsWorkloads.SetGetOption),
    new("W4", "getaddrinfo 127.0.0.1", Scaled(200_000), RawWorkloads.GetAddrInfo, SystemNetWorkloads.GetAddrInfo, NativeSocketsWorkloads.GetAddrInfo),
    new("W4-raw", "getaddrinfo 127.0.0.1, prepared hints", Scaled(200_000), RawWorkloads.GetAddrInfo, null, NativeSocketsWorkloads.GetAddrInfoRaw, CName: "W4"),
    new("W5", "getservbyname http/tcp", Scaled(20_000), RawWorkloads.GetServByName, null, NativeSocketsWorkloads.GetServByName),
    new("W6-101", "poll 101 sockets", Scaled(20_000), RawWorkloads.Poll(101), SystemNetWorkloads.Poll(101), NativeSocketsWorkloads.Poll(101)),
    new("W6-2000", "poll 2,000 sockets", Scaled(1_000), RawWorkloads.Poll(2000), SystemNetWorkloads.Poll(2000), NativeSocketsWorkloads.Poll(2000)),
    new("W7", "64-byte ping-pong", Scaled(20_000), RawWorkloads.PingPong, SystemNetWorkloads.PingPong, NativeSocketsWorkloads.PingPong),
    .. W8(100, 20_000), .. W8(1_000, 2_000), .. W8(10_000, 200),
];

// W8: a wait that finds the one readable socket among idle registered ones. The selector against epoll_wait
// (C and raw), and the O(n) waits (SelectRead, Socket.Select) against poll over the same sockets, with
// fewer iterations: they cost a thousand times more at 10,000.
Workload[] W8(int idle, long pollIterations) =>
[
    new($"W8-{idle}", $"wait: {idle:N0} idle + 1 readable", Scaled(100_000), RawWorkloads.EpollWait(idle), null, NativeSocketsWorkloads.SelectorWait(idle)),
    new($"W8-{idle}-poll", $"wait by poll: {idle:N0} idle + 1 readable", Scaled(pollIterations), RawWorkloads.Poll(idle + 1), SystemNetWorkloads.Poll(idle + 1), NativeSocketsWorkloads.Poll(idle + 1), CName: $"W6-{idle + 1}"),
];
var workloads = only is null ? allWorkloads : allWorkloads.Where(w => only.Contains(w.Name)).ToArray();
if (workloads.Length == 0 && only?.Contains("W9") == true)
{
    return 0; // W9 alone: the run with --server does it
}

if (workloads.Length == 0)
{
    Console.Error.WriteLine($"--only names no workload; they are {string.Join(", ", allWorkloads.Select(w => w.Name))}");
    return 2;
}

var c = cBinary is null ? null : new CBaseline(cBinary);
var runtime = RuntimeFeatureDescription();
Console.WriteLine($"# {runtime}, {rounds} round(s), {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");
var results = new Dictionary<(string Workload, string Implementation), List<Measurement>>();
for (var round = 0; round < rounds; round++)
{
    foreach (var workload in workloads)
    {
        var runs = new List<(string Name, Func<Measurement> Run)>();
        if (c is not null)
        {
            runs.Add(("C", () => new Measurement(c.Run(workload.CName ?? workload.Name, workload.Iterations), 0)));
        }

        runs.Add(("raw P/Invoke", () => Measurement.Of(workload.Raw, workload.Iterations)));
        if (workload.SystemNet is { } systemNet)
        {
            runs.Add(("System.Net", () => Measurement.Of(systemNet, workload.Iterations)));
        }

        if (workload.NativeSockets is { } nativeSockets)
        {
            runs.Add(("NativeSockets", () => Measurement.Of(nativeSockets, workload.Iterations)));
        }

        // Interleaved and rotated each round (A B C, B C A, ...), so drift on a shared machine spreads evenly.
        for (var k = 0; k < runs.Count; k++)
        {
            var (name, run) = runs[(k + round) % runs.Count];
            var key = (workload.Name, name);
            if (!results.TryGetValue(key, out var list))
            {
                results[key] = list = [];
            }

            list.Add(run());
        }
    }
}

Console.WriteLine();
Console.WriteLine("| workload (per op) | C | raw P/Invoke | System.Net | NativeSockets | NS / raw | NS / C | System.Net / NS | System.Net B/op | NS B/op |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var workload in workloads)
{
    string Median(string implementation) =>
        results.TryGetValue((workload.Name, implementation), out var list) ? Time(MedianOf(list.Select(m => m.NanosecondsPerOp))) : "—";
    string Ratio(string numerator, string denominator) =>
        results.TryGetValue((workload.Name, numerator), out var a) && results.TryGetValue((workload.Name, denominator), out var b)
            ? MedianOf(a.Zip(b, (x, y) => x.NanosecondsPerOp / y.NanosecondsPerOp)).ToString("0.00", CultureInfo.InvariantCulture) + "×"
            : "—";
    string Bytes(string implementation) =>
        results.TryGetValue((workload.Name, implementation), out var list) ? MedianOf(list.Select(m => m.BytesPerOp)).ToString("0", CultureInfo.InvariantCulture) : "—";

    Console.WriteLine(
        $"| {workload.Name} {workload.Operation} | {Median("C")} | {Median("raw P/Invoke")} | {Median("System.Net")} | {Median("NativeSockets")} " +
        $"| {Ratio("NativeSockets", "raw P/Invoke")} | {Ratio("NativeSockets", "C")} | {Ratio("System.Net", "NativeSockets")} | {Bytes("System.Net")} | {Bytes("NativeSockets")} |");
}

PrintW8Summary();
return 0;

// The selector against its floor and against the O(n) waits, per number of idle sockets.
void PrintW8Summary()
{
    var sizes = workloads.Where(w => w.Name.StartsWith("W8-", StringComparison.Ordinal) && !w.Name.EndsWith("-poll", StringComparison.Ordinal)).Select(w => w.Name).ToArray();
    if (sizes.Length == 0 || !results.ContainsKey((sizes[0], "NativeSockets")))
    {
        return;
    }

    Console.WriteLine();
    Console.WriteLine("| W8 idle sockets | Selector | C epoll_wait | Selector / C | SelectRead | SelectRead / Selector | Socket.Select / Selector | Selector B/wait |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var name in sizes)
    {
        double Of(string workload, string implementation) =>
            results.TryGetValue((workload, implementation), out var list) ? MedianOf(list.Select(m => m.NanosecondsPerOp)) : double.NaN;
        var selector = Of(name, "NativeSockets");
        var floor = Of(name, "C");
        var selectRead = Of(name + "-poll", "NativeSockets");
        var socketSelect = Of(name + "-poll", "System.Net");
        var bytes = MedianOf(results[(name, "NativeSockets")].Select(m => m.BytesPerOp));
        Console.WriteLine(
            $"| {name[3..]} | {Time(selector)} | {Time(floor)} | {RatioText(selector, floor, "0.00")} | {Time(selectRead)} | {RatioText(selectRead, selector, "0")} | {RatioText(socketSelect, selector, "0")} | {bytes:0} |");
    }

    if (sizes.Length > 1)
    {
        var growth = MedianOf(results[(sizes[^1], "NativeSockets")].Select(m => m.NanosecondsPerOp)) /
            MedianOf(results[(sizes[0], "NativeSockets")].Select(m => m.NanosecondsPerOp));
        Console.WriteLine($"Selector's wait at {sizes[^1][3..]} idle sockets / at {sizes[0][3..]}: {growth:0.00}×");
    }
}

static double MedianOf(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

// A workload left out by --only has no figure: a dash, as in the main table.
static string RatioText(double numerator, double denominator, string format) =>
    double.IsNaN(numerator) || double.IsNaN(denominator) ? "—" : (numerator / denominator).ToString(format, CultureInfo.InvariantCulture) + "×";

static string Time(double nanoseconds) => double.IsNaN(nanoseconds) ? "—" : nanoseconds >= 1000
    ? (nanoseconds / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " µs"
    : nanoseconds.ToString("0", CultureInfo.InvariantCulture) + " ns";

static string RuntimeFeatureDescription() =>
    (System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "NativeAOT") + " " + RuntimeInformation.FrameworkDescription;
