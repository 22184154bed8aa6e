using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace NativeSockets.Demo;

/// <summary>
/// Runs the steps in order and prints what each call returned. A line starting with "ok" is a result
/// that was checked against an independent source (System.Net, the C library, a child process); a line
/// starting with "!!" is one that was not as expected.
/// </summary>
internal sealed partial class Tour : IDisposable
{
    private readonly TextWriter _out;
    private readonly List<SocketHandle> _open = [];
    private int _checks;
    private int _failures;

    public Tour(TextWriter output) => _out = output;

    public int Run()
    {
        _out.WriteLine($"NativeSockets loopback tour on {RuntimeInformation.OSDescription} ({RuntimeInformation.RuntimeIdentifier})");
        var steps = new (string Title, Action Run)[]
        {
            ("Port, SocketHandle and SockLen", ValueTypes),
            ("Domain, SockType and Protocol: the platform's numbers", EnumConversions),
            ("Byte order", ByteOrder),
            ("Socket addresses: SockAddrIn, InAddr, SockAddr, SockAddrStorage", SocketAddresses),
            ("Creating sockets, and who inherits them", CreatingSockets),
            ("Creating sockets that cannot exist", CreationFailures),
            ("BindAddr and GetSockName on 127.0.0.1", BindingIPv4),
            ("Listen and Accept on 127.0.0.1", AcceptingIPv4),
            ("Listen and Accept on ::1", AcceptingIPv6),
            ("Listen and Accept on an AF_UNIX path", AcceptingUnix),
            ("Accept on a non-blocking listener with nothing waiting", NonBlockingAccept),
            ("Calls on a closed handle", ClosedHandle),
            ("OSErrorException messages", ErrorMessages),
            ("GetSockDomain", SocketDomains),
            ("GetSockOptInt, SetSockOptInt and SetBlocking", OptionsAndBlocking),
            ("A server's accept and graceful close: non-blocking Accept, Shutdown", ServerAcceptAndHalfClose),
            ("A server's socket options: TCP_NODELAY, TCP_KEEPIDLE, linger, timeouts", ServerSocketOptions),
            ("Connect, Send, Recv, SendTo, RecvFrom and the raw Accept", RawTransfers),
            ("GetLocalAddr and GetPeerAddr", LocalAndPeerAddresses),
            ("SelectRead and SelectWrite", Selecting),
            ("Handing sockets to and from System.Net", SystemNetHandOff),
            ("Owning a socket: OwnedSocketHandle closes it once", OwningSockets),
            ("SocketPair, and a listener handed across it with SendHandles/RecvHandles", PassingHandles),
            ("Re-exported constants and errno names", ReExportedConstants),
            ("Services and protocols: GetServByName, GetServByPort, GetProtoByName", ServiceAndProtocolLookups),
            ("Hosts: GetHostByName, GetHostByAddr, GetHostname", HostLookups),
            ("Addresses: GetAddrInfo, GetAddrString, MakeUnixAddr, IPEndPoint conversions", AddressLookups),
        };

        for (var i = 0; i < steps.Length; i++)
        {
            _out.WriteLine();
            _out.WriteLine($"[{i + 1}/{steps.Length}] {steps[i].Title}");
            try
            {
                steps[i].Run();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Fail($"the step threw {e.GetType().Name}: {e.Message}");
            }
        }

        _out.WriteLine();
        if (_failures == 0)
        {
            _out.WriteLine($"All {_checks} checks in {steps.Length} steps behaved as expected.");
            return 0;
        }

        _out.WriteLine($"FAILED: {_failures} of {_checks} checks did not behave as expected (the lines marked !! above).");
        return 1;
    }

    public void Dispose()
    {
        foreach (var handle in _open)
        {
            NativeSocket.Close(handle);
        }

        _open.Clear();
    }

    /// <summary>Prints a call and its result, checked: "ok", or "!!" and what was expected instead.</summary>
    private void Check(string call, object? result, bool asExpected, string expected, string? note = null)
    {
        _checks++;
        var line = $"{call} -> {Show(result)}{(note is null ? string.Empty : $"   ({note})")}";
        if (asExpected)
        {
            _out.WriteLine($"  ok  {line}");
            return;
        }

        _failures++;
        _out.WriteLine($"  !!  {line}");
        _out.WriteLine($"        expected {expected}");
    }

    /// <summary>Checks that a result equals what an independent <paramref name="source"/> (if named) says it should be.</summary>
    private void CheckEqual<T>(string call, T result, T expected, string? source = null)
    {
        var equal = EqualityComparer<T>.Default.Equals(result, expected);
        Check(call, result, equal, Show(expected), source is null ? null : $"{source}: {Show(expected)}");
    }

    /// <summary>Prints a call and its result without a check: something to look at, not to judge.</summary>
    private void Info(string call, object? result) => _out.WriteLine($"      {call} -> {Show(result)}");

    private void Fail(string what)
    {
        _checks++;
        _failures++;
        _out.WriteLine($"  !!  {what}");
    }

    /// <summary>Keeps track of a handle so that it is closed even if a step fails half way.</summary>
    private SocketHandle Own(SocketHandle handle)
    {
        if (!handle.IsInvalid)
        {
            _open.Add(handle);
        }

        return handle;
    }

    /// <summary>Closes a handle this tour owns.</summary>
    private void CloseOwned(SocketHandle handle)
    {
        if (_open.Remove(handle))
        {
            NativeSocket.Close(handle);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => text.Replace("\n", "\\n", StringComparison.Ordinal),
        SocketHandle handle => handle.IsInvalid ? "OsInvalidSocket (-1)" : $"handle {handle}",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A string an API returned, shown in quotes (so that "" is visible).</summary>
    private static string Quote(string? text) => text is null ? "null" : $"\"{text}\"";

    private static string Errno(int code) => $"errno {code} ({Marshal.GetPInvokeErrorMessage(code)})";
}
