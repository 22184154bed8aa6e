using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Xunit;

namespace NativeSockets.Tests.Support;

/// <summary>
/// Interrupts a thread's blocking system call with a signal, as a program that installs a signal
/// handler without SA_RESTART does. The handler is a few lines of C, compiled with gcc (or the compiler
/// named by CC) the first time it is needed, because a signal handler must not run managed code. It handles SIGURG, whose default
/// action is to ignore it, so a signal still on its way after the previous handler is put back does
/// nothing. Linux (gcc, pthreads).
/// </summary>
internal sealed unsafe class SignalInterrupter : IDisposable
{
    private const string Source = """
        #include <pthread.h>
        #include <signal.h>
        #include <string.h>

        static volatile sig_atomic_t delivered;
        static struct sigaction previous;

        static void on_signal(int signal_number) { (void)signal_number; delivered++; }

        int interrupter_signal_number(void) { return SIGURG; }

        /* No SA_RESTART: a blocking call the signal lands in fails with EINTR instead of resuming. */
        int interrupter_install(void)
        {
            struct sigaction action;
            memset(&action, 0, sizeof action);
            action.sa_handler = on_signal;
            sigemptyset(&action.sa_mask);
            delivered = 0;
            return sigaction(SIGURG, &action, &previous);
        }

        int interrupter_restore(void) { return sigaction(SIGURG, &previous, NULL); }

        /* The handler and flags now installed, to check that the previous ones are back. */
        void *interrupter_current_handler(void) { struct sigaction a; sigaction(SIGURG, NULL, &a); return (void *)a.sa_handler; }
        /* glibc adds SA_RESTORER (its own return trampoline) to every action it installs: not part of the state. */
        #ifndef SA_RESTORER
        #define SA_RESTORER 0x04000000
        #endif
        int interrupter_current_flags(void) { struct sigaction a; sigaction(SIGURG, NULL, &a); return a.sa_flags & ~SA_RESTORER; }

        unsigned long interrupter_self(void) { return (unsigned long)pthread_self(); }
        int interrupter_signal(unsigned long thread) { return pthread_kill((pthread_t)thread, SIGURG); }
        int interrupter_delivered(void) { return delivered; }
        """;

    private static readonly Lazy<nint> Library = new(Compile);

    private readonly nint _handlerBefore;
    private readonly int _flagsBefore;

    /// <summary>Installs the handler; Dispose puts the previous one back.</summary>
    public SignalInterrupter()
    {
        _handlerBefore = ((delegate* unmanaged<nint>)Export("interrupter_current_handler"))();
        _flagsBefore = ((delegate* unmanaged<int>)Export("interrupter_current_flags"))();
        Assert.Equal(0, ((delegate* unmanaged<int>)Export("interrupter_install"))());
    }

    /// <summary>How many signals the handler has run for since it was installed.</summary>
    public static int Delivered => ((delegate* unmanaged<int>)Export("interrupter_delivered"))();

    /// <summary>The calling thread's pthread id, which the signals are sent to.</summary>
    public static ulong CurrentThread => ((delegate* unmanaged<ulong>)Export("interrupter_self"))();

    /// <summary>
    /// Runs <paramref name="blockingCall"/> on a thread of its own and signals that thread every few
    /// milliseconds until the call returns. If it has not returned by <paramref name="patience"/>,
    /// <paramref name="unblock"/> is run to end it and the test fails, rather than hanging.
    /// </summary>
    public static T InterruptUntilReturned<T>(Func<T> blockingCall, TimeSpan patience, Action unblock)
    {
        using var interrupter = new SignalInterrupter();
        using var started = new ManualResetEventSlim();
        using var mayExit = new ManualResetEventSlim();
        ulong target = 0;
        var finished = 0;
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            target = CurrentThread;
            started.Set();
            try
            {
                result = blockingCall();
            }
            catch (Exception exception)
            {
                failure = exception;
            }

            Volatile.Write(ref finished, 1);

            // The thread stays alive until the signals stop: signalling a thread that has exited is undefined.
            mayExit.Wait();
        });
        thread.Start();
        started.Wait();
        var clock = Stopwatch.StartNew();
        var timedOut = false;
        while (Volatile.Read(ref finished) == 0)
        {
            if (clock.Elapsed > patience && !timedOut)
            {
                timedOut = true;
                unblock();
            }

            Assert.Equal(0, ((delegate* unmanaged<ulong, int>)Export("interrupter_signal"))(target));
            Thread.Sleep(5);
        }

        mayExit.Set();
        thread.Join();
        Assert.False(timedOut, $"the call was still blocked after {patience.TotalSeconds} s of signals");
        return failure is null ? result : throw new InvalidOperationException("the blocking call threw", failure);
    }

    public void Dispose()
    {
        Assert.Equal(0, ((delegate* unmanaged<int>)Export("interrupter_restore"))());
        Assert.Equal(_handlerBefore, ((delegate* unmanaged<nint>)Export("interrupter_current_handler"))());
        Assert.Equal(_flagsBefore, ((delegate* unmanaged<int>)Export("interrupter_current_flags"))());
    }

    private static nint Export(string name) => NativeLibrary.GetExport(Library.Value, name);

    private static nint Compile()
    {
        var directory = Directory.CreateTempSubdirectory("nsock-signal-").FullName;
        var source = Path.Combine(directory, "interrupter.c");
        var library = Path.Combine(directory, "libinterrupter.so");
        File.WriteAllText(source, Source);
        // CC names a compiler for the test process's own architecture when it differs from the machine's
        // (a linux-arm64 run under qemu-user uses aarch64-linux-gnu-gcc).
        var compiler = Environment.GetEnvironmentVariable("CC") is { Length: > 0 } named ? named : "gcc";
        using var gcc = Process.Start(new ProcessStartInfo(compiler, ["-shared", "-fPIC", "-O2", "-o", library, source, "-lpthread"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{compiler} did not start");
        var errors = gcc.StandardError.ReadToEnd();
        Assert.True(gcc.WaitForExit(TimeSpan.FromMinutes(1)), $"{compiler} did not finish");
        Assert.True(gcc.ExitCode == 0, $"{compiler} failed: {errors}");
        var handle = NativeLibrary.Load(library);

        // The loaded library stays mapped; its file is no longer needed.
        Directory.Delete(directory, recursive: true);
        return handle;
    }
}
