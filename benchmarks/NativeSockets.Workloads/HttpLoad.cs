using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace NativeSockets.Workloads;

/// <summary>
/// Workload W9: HTTP/1.1 keep-alive servers loaded by <c>wrk</c> over loopback, each server once with the
/// load alone and once with idle connections held open beside it by another process
/// (<c>benchmarks/native/idle-clients.c</c>), interleaved and rotated each round. Every server takes a port
/// argument, prints <c>listening on 127.0.0.1:PORT</c>, and on SIGTERM prints <c>requests: N</c>, the
/// requests it answered: wrk's completed requests plus those in flight when it stopped, so the server's
/// count lies between wrk's and wrk's plus one per connection and run. A server that loses a request, or
/// whose descriptor count does not come back, once every client is gone, to where it stood after the warm-up
/// load, fails the run.
/// </summary>
internal sealed partial class HttpLoad(HttpLoad.Settings settings)
{
    /// <summary>How the load is made.</summary>
    public sealed record Settings(string IdleClients, int Connections, int IdleConnections, int Seconds, int Rounds);

    /// <summary>One wrk run: requests per second, latency percentiles in microseconds, completed requests, errors.</summary>
    public readonly record struct WrkResult(double RequestsPerSecond, double P50, double P90, double P99, long Requests, long Errors);

    /// <summary>One server's round: the two loads, the server's own count and its descriptors before and after.</summary>
    public sealed record Round(WrkResult Plain, WrkResult WithIdle, long ServerRequests, long WrkRequests, int DescriptorsBefore, int DescriptorsAfter);

    /// <summary>Runs every server for <see cref="Settings.Rounds"/> rounds and prints the table; returns false if any server lost a request or a descriptor.</summary>
    public bool Run(IReadOnlyList<(string Name, string Command)> servers)
    {
        var results = servers.ToDictionary(s => s.Name, _ => new List<Round>());
        for (var round = 0; round < settings.Rounds; round++)
        {
            for (var k = 0; k < servers.Count; k++)
            {
                var (name, command) = servers[(k + round) % servers.Count];
                var result = RunServer(command);
                Console.WriteLine(
                    $"# W9 round {round + 1} {name}: {result.Plain.RequestsPerSecond:0} req/s, {result.WithIdle.RequestsPerSecond:0} req/s beside {settings.IdleConnections} idle; " +
                    $"server answered {result.ServerRequests}, wrk completed {result.WrkRequests}, errors {result.Plain.Errors + result.WithIdle.Errors}; " +
                    $"descriptors {result.DescriptorsBefore} -> {result.DescriptorsAfter}");
                results[name].Add(result);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"W9: {settings.Connections} connections for {settings.Seconds} s (wrk, 1 thread); the same beside {settings.IdleConnections} idle connections; medians of {settings.Rounds} round(s).");
        Console.WriteLine();
        Console.WriteLine("| server | req/s | p50 | p90 | p99 | req/s beside idle | beside idle / alone | p99 beside idle | vs first server | errors | lost | descriptors back |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var first = results[servers[0].Name];
        var healthy = true;
        foreach (var (name, _) in servers)
        {
            var rounds = results[name];
            var errors = rounds.Sum(r => r.Plain.Errors + r.WithIdle.Errors);
            var lost = rounds.Count(r => r.ServerRequests < r.WrkRequests || r.ServerRequests > r.WrkRequests + (3L * settings.Connections));
            var leaked = rounds.Count(r => r.DescriptorsAfter != r.DescriptorsBefore);
            healthy &= errors == 0 && lost == 0 && leaked == 0;
            Console.WriteLine(
                $"| {name} | {Median(rounds.Select(r => r.Plain.RequestsPerSecond)):0} | {Micro(Median(rounds.Select(r => r.Plain.P50)))} " +
                $"| {Micro(Median(rounds.Select(r => r.Plain.P90)))} | {Micro(Median(rounds.Select(r => r.Plain.P99)))} " +
                $"| {Median(rounds.Select(r => r.WithIdle.RequestsPerSecond)):0} | {Median(rounds.Select(r => r.WithIdle.RequestsPerSecond / r.Plain.RequestsPerSecond)):0.00}× " +
                $"| {Micro(Median(rounds.Select(r => r.WithIdle.P99)))} " +
                $"| {Median(rounds.Zip(first, (r, f) => r.Plain.RequestsPerSecond / f.Plain.RequestsPerSecond)):0.00}× " +
                $"| {errors} | {lost} | {(leaked == 0 ? "yes" : $"no ({leaked} rounds)")} |");
        }

        return healthy;
    }

    private Round RunServer(string command)
    {
        var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var server = Process.Start(new ProcessStartInfo(parts[0], [.. parts[1..], "0"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {command}.");
        try
        {
            var listening = server.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"{command} exited before listening.");
            var port = int.Parse(listening[(listening.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
            var url = $"http://127.0.0.1:{port}/";
            // Counted after the warm-up load, once the server has closed its connections: a runtime opens
            // some descriptors of its own on first use.
            var warmUp = Wrk(url, 1);
            var before = Settled(server.Id);
            var plain = Wrk(url, settings.Seconds);
            WrkResult withIdle;
            using (var idle = Process.Start(new ProcessStartInfo(settings.IdleClients, [port.ToString(CultureInfo.InvariantCulture), settings.IdleConnections.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException($"Could not start {settings.IdleClients}."))
            {
                if (idle.StandardOutput.ReadLine() is not { } holding || !holding.StartsWith("holding", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"idle-clients did not connect its {settings.IdleConnections} connections.");
                }

                withIdle = Wrk(url, settings.Seconds);
                idle.StandardInput.Close();
                idle.WaitForExit();
            }

            // The server sees the idle connections close on its next waits; give it a moment to drop them all.
            var after = Descriptors(server.Id);
            for (var waited = 0; after != before && waited < 50; waited++)
            {
                Thread.Sleep(100);
                after = Descriptors(server.Id);
            }

            Signals.Terminate(server.Id);
            long answered = -1;
            while (server.StandardOutput.ReadLine() is { } line)
            {
                if (line.StartsWith("requests: ", StringComparison.Ordinal))
                {
                    answered = long.Parse(line["requests: ".Length..], CultureInfo.InvariantCulture);
                }
            }

            server.WaitForExit();
            return new Round(plain, withIdle, answered, warmUp.Requests + plain.Requests + withIdle.Requests, before, after);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
            }
        }
    }

    private WrkResult Wrk(string url, int seconds)
    {
        using var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t1", $"-c{settings.Connections}", $"-d{seconds}s", "--latency", url])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        if (wrk.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {wrk.ExitCode}:\n{output}");
        }

        var errors = SocketErrors().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            + (NonSuccess().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
        return new WrkResult(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"),
            Percentile(output, "90%"),
            Percentile(output, "99%"),
            long.Parse(Completed().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            errors);
    }

    private static double Percentile(string output, string which)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(which)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value, "ms" => value * 1000, _ => value * 1_000_000 };
    }

    private static int Descriptors(int pid) => Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;

    /// <summary>The descriptor count once it has stayed the same for half a second (at most ten seconds).</summary>
    private static int Settled(int pid)
    {
        var count = Descriptors(pid);
        for (var (same, waited) = (0, 0); same < 5 && waited < 100; waited++)
        {
            Thread.Sleep(100);
            var now = Descriptors(pid);
            same = now == count ? same + 1 : 0;
            count = now;
        }

        return count;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Micro(double microseconds) => microseconds >= 1000
        ? (microseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms"
        : microseconds.ToString("0", CultureInfo.InvariantCulture) + " µs";

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in ")]
    private static partial Regex Completed();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();
}
