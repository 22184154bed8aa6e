using System;
using NativeSockets.Selectors;
using NativeSockets.Selectors.Backends;
using Xunit;

namespace NativeSockets.Tests.Selectors.Backends;

/// <summary>The selector contract on AFD polls through an I/O completion port (Windows).</summary>
public sealed class AfdSelectorTests : SelectorContractTests
{
    private protected override ISelectorBackend CreateBackend()
    {
        Assert.SkipUnless(OperatingSystem.IsWindows(), "AFD is Windows'");
        Assert.True(AfdBackend.TryCreate(out var backend, out var error), $"\\Device\\Afd could not be opened (error {error})");
        return backend!;
    }

    [Fact]
    public void The_default_selector_on_Windows_waits_on_a_completion_port()
    {
        Assert.SkipUnless(OperatingSystem.IsWindows(), "AFD is Windows'");
        using var selector = new Selector<int>();
        Assert.NotEqual(-1, selector.GetFd());
        Assert.NotEqual(0, selector.GetFd());
    }
}
