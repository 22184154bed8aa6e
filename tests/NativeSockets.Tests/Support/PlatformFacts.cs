using System;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Xunit;

namespace NativeSockets.Tests.Support;

// Tests that can hold on one kind of platform only, skipped elsewhere with the reason they cannot
// hold there. xunit decides before the test runs (SkipWhen/SkipUnless), so a skip is reported as a
// skip and never throws through the test method.

/// <summary>What the tests ask of the running platform, as xunit's SkipWhen/SkipUnless properties.</summary>
public static class RunningPlatform
{
    /// <summary>True on Windows, where there are no POSIX descriptors, signals, errno names or fork/exec.</summary>
    public static bool IsWindows => OperatingSystem.IsWindows();

    /// <summary>True in a Windows process run by Wine, which in places answers otherwise than Windows documents.</summary>
    public static bool IsWine { get; } = NativeSockets.Tests.Windows.WineExceptionList.IsWine();

    /// <summary>
    /// Skips the running test where the system cannot make sockets of <paramref name="domain"/> and
    /// <paramref name="sockType"/>: Windows has AF_UNIX stream sockets only (afunix.h), and Wine 8.0 has none.
    /// </summary>
    internal static void SkipWhereUnsupported(Domain domain, SockType sockType)
    {
        if (!IsWindows || domain != Domain.AF_UNIX)
        {
            return;
        }

        Assert.SkipUnless(Socket.OSSupportsUnixDomainSockets, "this system has no AF_UNIX sockets (Windows before 10 1803, Wine 8.0)");
        Assert.SkipWhen(sockType != SockType.SOCK_STREAM, $"Windows' AF_UNIX has stream sockets only, not {sockType}");
    }

    /// <summary>Makes <paramref name="test"/> skip on Windows, saying <paramref name="reason"/>.</summary>
    internal static void SkipOnWindows(FactAttribute test, string reason)
    {
        test.Skip = $"POSIX only: {reason}";
        test.SkipType = typeof(RunningPlatform);
        test.SkipWhen = nameof(IsWindows);
    }

    /// <summary>Makes <paramref name="test"/> skip under Wine, saying <paramref name="reason"/>.</summary>
    internal static void SkipUnderWine(FactAttribute test, string reason)
    {
        test.Skip = $"Wine differs from Windows: {reason}";
        test.SkipType = typeof(RunningPlatform);
        test.SkipWhen = nameof(IsWine);
    }

    /// <summary>Makes <paramref name="test"/> skip everywhere but on Windows, saying <paramref name="reason"/>.</summary>
    internal static void SkipUnlessWindows(FactAttribute test, string reason)
    {
        test.Skip = $"Windows only: {reason}";
        test.SkipType = typeof(RunningPlatform);
        test.SkipUnless = nameof(IsWindows);
    }
}

/// <summary>A fact only POSIX can satisfy: skipped on Windows with the reason.</summary>
public sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute(string reason, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => RunningPlatform.SkipOnWindows(this, reason);
}

/// <summary>A theory only POSIX can satisfy: skipped on Windows with the reason.</summary>
public sealed class PosixTheoryAttribute : TheoryAttribute
{
    public PosixTheoryAttribute(string reason, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => RunningPlatform.SkipOnWindows(this, reason);
}

/// <summary>A fact about Windows behaviour: skipped on every other platform with the reason.</summary>
public sealed class WindowsFactAttribute : FactAttribute
{
    public WindowsFactAttribute(string reason, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => RunningPlatform.SkipUnlessWindows(this, reason);
}

/// <summary>A theory about Windows behaviour: skipped on every other platform with the reason.</summary>
public sealed class WindowsTheoryAttribute : TheoryAttribute
{
    public WindowsTheoryAttribute(string reason, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => RunningPlatform.SkipUnlessWindows(this, reason);
}

/// <summary>A fact Windows and POSIX satisfy but Wine does not: skipped under Wine with the reason.</summary>
public sealed class NotWineFactAttribute : FactAttribute
{
    public NotWineFactAttribute(string reason, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => RunningPlatform.SkipUnderWine(this, reason);
}

/// <summary>A theory Windows and POSIX satisfy but Wine does not: skipped under Wine with the reason.</summary>
public sealed class NotWineTheoryAttribute : TheoryAttribute
{
    public NotWineTheoryAttribute(string reason, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => RunningPlatform.SkipUnderWine(this, reason);
}
