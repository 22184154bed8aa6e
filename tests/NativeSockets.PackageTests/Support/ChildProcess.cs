using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace NativeSockets.PackageTests.Support;

/// <summary>Runs a command-line tool as a child process, as a user at a shell would.</summary>
internal static class ChildProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>The dotnet that runs these tests when the SDK says which (DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <paramref name="fileName"/> and returns its exit code and its output (stdout, then stderr).</summary>
    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A test runner started by `dotnet test` passes on the MSBuild of that build (MSBuildExtensionsPath,
        // MSBUILD_EXE_PATH...); a child dotnet must find its own, as it would from a shell.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(fileName, start.ArgumentList)} did not finish within {Timeout}.");
        }

        Task.WaitAll(output, error);
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>Runs <paramref name="fileName"/> and returns its output; throws with that output if it fails.</summary>
    public static string RunChecked(string fileName, string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = Run(fileName, workingDirectory, arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"{Describe(fileName, arguments)} exited with {exitCode}:\n{output}");
    }

    private static string Describe(string fileName, IEnumerable<string> arguments) => $"{fileName} {string.Join(' ', arguments)}";
}
