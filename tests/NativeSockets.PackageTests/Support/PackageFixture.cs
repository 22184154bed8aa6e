using NativeSockets.PackageTests.Support;
using Xunit;

// One pack for the whole assembly: it is the slow part, and every test reads the same package.
[assembly: AssemblyFixture(typeof(PackedPackage))]
