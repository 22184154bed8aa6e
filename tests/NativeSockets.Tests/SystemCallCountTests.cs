using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests;

/// <summary>
/// How many system calls a non-blocking, close-on-exec accept takes, counted by strace: the test runs
/// <see cref="Accepts_for_the_count"/> in a child copy of this test program under strace, and that test
/// reports which descriptors were the listener and the accepted sockets.
/// </summary>
public class SystemCallCountTests
{
    private const string ReportVariable = "NATIVESOCKETS_SYSCALL_REPORT";
    private const int Connections = 10;

    // Follows the runtime's threads, stops the child only at the counted calls, and writes to the file named next.
    private static readonly string[] StraceOptions = ["-f", "--seccomp-bpf", "-qq", "-e", "trace=accept,accept4,fcntl,close", "-o"];

    private static readonly Regex Call = new(@"^\d+\s+(?<name>accept4?|fcntl)\((?<fd>\d+),", RegexOptions.Multiline);

    // An accept's result, on its own line or on the line that resumes it when another thread's call came between.
    private static readonly Regex Accepted = new(@"^\d+\s+(?:accept4?\(|<\.\.\. accept4? resumed>).*= (?<fd>\d+)$");

    private static readonly Regex Closed = new(@"^\d+\s+close\((?<fd>\d+)");

    /// <summary>
    /// Accepts <see cref="Connections"/> connections with Accept(blocking: false) and as many with Nim's Accept
    /// followed by SetBlocking(false); every accepted socket must then refuse to wait. Under strace it
    /// writes the descriptors to the report file named by NATIVESOCKETS_SYSCALL_REPORT.
    /// </summary>
    [PosixFact("counts Linux system calls; Windows has no SOCK_NONBLOCK")]
    public void Accepts_for_the_count()
    {
        using var listener = Loopback.ListenV4();
        var peers = new List<Socket>();
        var oneCall = new List<OwnedSocket>();
        var nimStyle = new List<OwnedSocket>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                peers.Add(LoopbackPeers.ConnectTo(listener.Handle));
                Loopback.WaitForPendingConnection(listener.Handle);
                oneCall.Add(new OwnedSocket(NativeSocket.Accept(listener.Handle, inheritable: false, blocking: false).Client));

                peers.Add(LoopbackPeers.ConnectTo(listener.Handle));
                Loopback.WaitForPendingConnection(listener.Handle);
                var client = NativeSocket.Accept(listener.Handle).Client;
                nimStyle.Add(new OwnedSocket(client));
                NativeSocket.SetBlocking(client, false);
            }

            // recv, which strace is not counting, proves the mode.
            foreach (var socket in oneCall.Concat(nimStyle))
            {
                Assert.False(socket.Handle.IsInvalid);
                SocketModes.AssertReceiveWouldBlock(socket.Handle);
            }

            if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } report)
            {
                File.WriteAllLines(report, [listener.Handle.ToString(), Join(oneCall), Join(nimStyle)]);
            }
        }
        finally
        {
            oneCall.Concat(nimStyle).ToList().ForEach(socket => socket.Dispose());
            peers.ForEach(peer => peer.Dispose());
        }
    }

    [PosixFact("strace counts Linux system calls")]
    public void A_non_blocking_close_on_exec_accept_is_one_system_call_where_Nims_accept_and_setBlocking_are_three()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "accept4 with SOCK_NONBLOCK is counted on Linux");
        var strace = "/usr/bin/strace";
        Assert.SkipUnless(File.Exists(strace), "strace is not installed (.ci/run installs it)");

        using var directory = new TempDirectory();
        var trace = directory.PathOf("trace.txt");
        var report = directory.PathOf("report.txt");
        var start = new ProcessStartInfo(strace) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in StraceOptions)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(trace);

        AddThisTestProgram(start.ArgumentList);
        start.ArgumentList.Add("-method");
        start.ArgumentList.Add($"{typeof(SystemCallCountTests).FullName}.{nameof(Accepts_for_the_count)}");
        start.Environment[ReportVariable] = report;

        using (var child = Process.Start(start) ?? throw new InvalidOperationException("strace did not start"))
        {
            var output = child.StandardOutput.ReadToEndAsync();
            var errors = child.StandardError.ReadToEndAsync();
            Assert.True(child.WaitForExit(TimeSpan.FromMinutes(3)), "the traced child did not finish");
            Assert.True(child.ExitCode == 0, $"the traced child failed ({child.ExitCode}):\n{output.Result}\n{errors.Result}");
        }

        var lines = File.ReadAllLines(report);
        var listener = int.Parse(lines[0], CultureInfo.InvariantCulture);
        var oneCall = Descriptors(lines[1]);
        var nimStyle = Descriptors(lines[2]);
        var calls = Call.Matches(File.ReadAllText(trace)).Select(m => (Name: m.Groups["name"].Value, Fd: int.Parse(m.Groups["fd"].Value, CultureInfo.InvariantCulture))).ToList();
        var traced = File.ReadAllLines(trace);

        // Each connection is one accept4 on the listener; only the one-call ones carry SOCK_NONBLOCK.
        Assert.Equal(2 * Connections, calls.Count(c => c.Fd == listener && c.Name.StartsWith("accept", StringComparison.Ordinal)));
        Assert.Equal(Connections, traced.Count(line => line.Contains($"accept4({listener},", StringComparison.Ordinal) && line.Contains("SOCK_CLOEXEC|SOCK_NONBLOCK", StringComparison.Ordinal)));
        var fcntls = FcntlsWhileAccepted(traced);
        Assert.DoesNotContain(fcntls, fd => oneCall.Contains(fd));
        Assert.Equal(2 * Connections, fcntls.Count(nimStyle.Contains));
    }

    /// <summary>
    /// The descriptor of each fcntl made on an accepted socket between its accept and its close. A number
    /// is reused: before its accept or after its close it may name a file the runtime opened, and musl's
    /// open(O_CLOEXEC) makes an fcntl of its own.
    /// </summary>
    private static List<int> FcntlsWhileAccepted(string[] traced)
    {
        var accepted = new HashSet<int>();
        var fcntls = new List<int>();
        foreach (var line in traced)
        {
            if (Accepted.Match(line) is { Success: true } accept)
            {
                accepted.Add(int.Parse(accept.Groups["fd"].Value, CultureInfo.InvariantCulture));
            }
            else if (Closed.Match(line) is { Success: true } close)
            {
                accepted.Remove(int.Parse(close.Groups["fd"].Value, CultureInfo.InvariantCulture));
            }
            else if (Call.Match(line) is { Success: true } call && call.Groups["name"].Value == "fcntl")
            {
                var fd = int.Parse(call.Groups["fd"].Value, CultureInfo.InvariantCulture);
                if (accepted.Contains(fd))
                {
                    fcntls.Add(fd);
                }
            }
        }

        return fcntls;
    }

    private static string Join(IEnumerable<OwnedSocket> sockets) => string.Join(',', sockets.Select(socket => socket.Handle.ToString()));

    private static HashSet<int> Descriptors(string line) => line.Split(',').Select(fd => int.Parse(fd, CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>
    /// The command that runs this test program again: its own executable, or dotnet with its assembly;
    /// behind the emulator NATIVESOCKETS_EMULATOR names when the program runs under one (.ci/arm64's
    /// qemu-aarch64, which makes each of these calls as one call of the same name).
    /// </summary>
    private static void AddThisTestProgram(Collection<string> arguments)
    {
        foreach (var word in (Environment.GetEnvironmentVariable("NATIVESOCKETS_EMULATOR") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            arguments.Add(word);
        }

        var assembly = typeof(SystemCallCountTests).Assembly.Location;
        var executable = Path.ChangeExtension(assembly, null);
        if (File.Exists(executable))
        {
            arguments.Add(executable);
            return;
        }

        arguments.Add(Environment.ProcessPath ?? "dotnet");
        arguments.Add(assembly);
    }
}
