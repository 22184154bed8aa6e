using NativeSockets.Selectors.Backends;
using Xunit;

namespace NativeSockets.Tests.Selectors.Backends;

/// <summary>The selector contract on the portable poll/WSAPoll fallback, which every platform has.</summary>
public sealed class PollSelectorTests : SelectorContractTests
{
    private protected override ISelectorBackend CreateBackend() => new PollBackend();

    [Fact]
    public void Poll_has_no_kernel_object_to_give()
    {
        using var selector = CreateSelector();
        Assert.Equal(-1, selector.GetFd());
    }
}
