using System;

namespace NativeSockets.Workloads;

/// <summary>
/// One workload: its name, what one operation is, how many operations a round times, and the
/// in-process implementations (an implementation may be missing when its API has no such call), and the
/// C baseline's name for it when a variant shares another workload's C loop.
/// </summary>
internal sealed record Workload(string Name, string Operation, long Iterations, Action<long> Raw, Action<long>? SystemNet, Action<long>? NativeSockets, string? CName = null);
