using System;
using NativeSockets.Selectors;
using NativeSockets.Selectors.Backends;
using NativeSockets.Tests.Support;
using Xunit;

namespace NativeSockets.Tests.Selectors.Backends;

/// <summary>The selector contract on epoll (Linux).</summary>
public sealed class EpollSelectorTests : SelectorContractTests
{
    private protected override ISelectorBackend CreateBackend()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "epoll is Linux's");
        return new EpollBackend();
    }

    [Fact]
    public void The_default_selector_on_Linux_waits_on_an_epoll_descriptor_that_children_do_not_inherit()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "epoll is Linux's");
        using var selector = new Selector<int>();
        var fd = selector.GetFd();
        Assert.True(fd >= 0);
        Assert.Equal("anon_inode:[eventpoll]", new System.IO.FileInfo($"/proc/self/fd/{fd}").LinkTarget);
        Assert.True(Descriptors.IsCloseOnExec(new SocketHandle(fd)));
    }
}
