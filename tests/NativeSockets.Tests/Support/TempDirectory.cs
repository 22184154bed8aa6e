using System;
using System.IO;

namespace NativeSockets.Tests.Support;

/// <summary>A fresh directory for AF_UNIX socket paths, deleted with everything in it.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => FullName = Directory.CreateTempSubdirectory("nsock-").FullName;

    public string FullName { get; }

    public string PathOf(string name) => Path.Combine(FullName, name);

    public void Dispose() => Directory.Delete(FullName, recursive: true);
}
