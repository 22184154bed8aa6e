using System;
using System.Linq;

namespace NativeSockets.PackageTests.Support;

/// <summary>The repository's git remote, and whether Source Link can make a web address of it.</summary>
internal static class GitRemote
{
    // The Source Link providers the SDK carries: a remote on one of these hosts gives the package a
    // repository URL and the PDBs a Source Link map. A local path (a clone of a clone) or another host gives neither.
    private static readonly string[] KnownHosts = ["github.com", "gitlab.com", "bitbucket.org", "dev.azure.com", "visualstudio.com"];

    /// <summary>origin's URL as git reports it, or null when the repository has no origin.</summary>
    public static string? Origin { get; } = ReadOrigin();

    /// <summary>True when origin is on a host Source Link knows.</summary>
    public static bool IsOnKnownHost => Origin is not null && HostOf(Origin) is { } host
        && KnownHosts.Any(known => host == known || host.EndsWith("." + known, StringComparison.Ordinal));

    /// <summary>The last path segment of origin without ".git": the part every URL made from it contains.</summary>
    public static string? RepositoryName => Origin is null ? null : System.IO.Path.GetFileNameWithoutExtension(Origin.TrimEnd('/'));

    private static string? ReadOrigin()
    {
        var (exitCode, output) = ChildProcess.Run("git", BuildFacts.RepositoryRoot, ["remote", "get-url", "origin"]);
        return exitCode == 0 ? output.Trim() : null;
    }

    private static string? HostOf(string remote)
    {
        if (Uri.TryCreate(remote, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
        {
            return uri.Host;
        }

        // scp-like syntax: user@host:path
        var at = remote.IndexOf('@', StringComparison.Ordinal);
        var colon = remote.IndexOf(':', StringComparison.Ordinal);
        return at >= 0 && colon > at ? remote[(at + 1)..colon] : null;
    }
}
