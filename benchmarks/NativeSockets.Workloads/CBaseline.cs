using System;
using System.Diagnostics;
using System.Globalization;

namespace NativeSockets.Workloads;

/// <summary>Runs the C build of a workload (benchmarks/native/workloads.c) and reads its nanoseconds per operation.</summary>
internal sealed class CBaseline(string executable)
{
    public double Run(string workload, long iterations)
    {
        using var process = Process.Start(new ProcessStartInfo(executable, [workload, iterations.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? double.Parse(output, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{executable} {workload} exited with {process.ExitCode}.");
    }
}
