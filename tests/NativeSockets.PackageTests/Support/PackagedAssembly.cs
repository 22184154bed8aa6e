using System;
using System.IO;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace NativeSockets.PackageTests.Support;

/// <summary>
/// An assembly from the package, loaded on its own (a collectible load context per framework, as both
/// have the same name) to read its metadata; none of its code is run.
/// </summary>
internal sealed class PackagedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    public PackagedAssembly(byte[] image, string framework)
    {
        Image = image;
        _context = new AssemblyLoadContext($"package {framework}", isCollectible: true);
        Assembly = _context.LoadFromStream(new MemoryStream(image));
    }

    public byte[] Image { get; }

    public Assembly Assembly { get; }

    /// <summary>The PE headers and debug directory, which reflection does not show.</summary>
    public PEReader ReadHeaders() => new(new MemoryStream(Image));

    public void Dispose() => _context.Unload();
}
