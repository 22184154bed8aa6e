using System.Runtime.InteropServices;

namespace NativeSockets.Workloads;

/// <summary>Asks a child process to stop the way a service manager does, so it can report before it exits.</summary>
internal static partial class Signals
{
    private const int SIGTERM = 15; // the same number on every Linux architecture

    public static void Terminate(int pid)
    {
        if (kill(pid, SIGTERM) != 0)
        {
            throw new System.InvalidOperationException($"kill({pid}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
