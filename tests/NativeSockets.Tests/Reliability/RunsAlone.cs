using Xunit;

namespace NativeSockets.Tests.Reliability;

/// <summary>
/// Tests that count the process's descriptors or memory: they run alone, after the parallel tests,
/// so no other test opens or closes descriptors while they count.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone
{
}
