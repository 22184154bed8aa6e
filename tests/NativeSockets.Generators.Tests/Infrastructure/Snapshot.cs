using System;
using System.IO;
using Xunit;

namespace NativeSockets.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions with Verify's file conventions: the expected text is committed as
/// <c>Snapshots/NAME.verified.EXT</c>; on a mismatch the actual text is written beside it as
/// <c>NAME.received.EXT</c> and the test fails with a diff. To accept, move the received file over the
/// verified one, or run the tests with <c>NATIVESOCKETS_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "NATIVESOCKETS_ACCEPT_SNAPSHOTS";

    public static string Directory => Path.Combine(Repository.Root, "tests", "NativeSockets.Generators.Tests", "Snapshots");

    public static void Verify(string name, string actual, string extension = "cs") =>
        Verify(Directory, name, actual, extension, Environment.GetEnvironmentVariable(AcceptVariable) == "1");

    /// <summary>The assertion itself, with its folder and accept switch explicit so it can be tested.</summary>
    public static void Verify(string directory, string name, string actual, string extension, bool accept)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var verified = Path.Combine(directory, $"{name}.verified.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        if (accept)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var what = expected is null
            ? $"No verified snapshot for {name} yet."
            : $"{name} differs from its verified snapshot:\n{TextDiff.Unified(expected, actual)}";
        Assert.Fail($"{what}\nReceived: {received}\nVerified: {verified}\nTo accept: move the received file over the verified one, or rerun with {AcceptVariable}=1.");
    }
}
