using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace NativeSockets.Tests.Windows;

/// <summary>
/// Keeps a managed exception from hanging the test run under Wine (the suite's Windows run in CI).
/// </summary>
/// <remarks>
/// <para>
/// On x64, Windows finds exception handlers through unwind tables only. Wine's ntdll (8.0) also keeps
/// a list of its own handler records in the thread's TEB (<c>NT_TIB.ExceptionList</c>, offset 0): its
/// <c>__TRY</c> blocks push one, and so does the dispatcher around every language handler it calls (a
/// "nested exception" record on the stack of the dispatch). While dispatching, Wine calls the handler of
/// every record in that list whose address lies below the frame being unwound.
/// </para>
/// <para>
/// A managed exception that leaves a method called through reflection passes native runtime frames, so
/// CoreCLR raises it through Wine's dispatcher, and Wine calls the runtime's handler with its nested
/// record pushed. The runtime's handler never returns there: it resumes at the catch with its own
/// context restore, which knows nothing of Wine's list. The record stays at the head of the list
/// (measured: after the catch, the head lay below the stack pointer of the next throw),
/// pointing into stack that is popped and soon overwritten. The next exception dispatched on that
/// thread calls the "handler" read from that dead stack, faults, and the fault is dispatched through the
/// same record again: the thread loops on access violations forever. xunit reaches test methods by
/// reflection, so the second failing (or dynamically skipped) test on a thread hung the whole run.
/// </para>
/// <para>
/// The repair: every managed exception raises a first-chance notification before it is dispatched
/// through Wine, so a handler of that notification can fix the list before Wine walks it. It resets
/// the head to the thread's outermost record, the one Wine's thread start pushes near the stack base,
/// which lives as long as the thread. That record is found once per thread, at the thread's first
/// exception, by following the list while it is still sound (nothing has been dispatched on the
/// thread yet, so no record in it is dead). A dead record cannot simply be unlinked: its link lies in
/// reused stack (measured: it read 4), and its address does not tell either, since the stack grows
/// back below it. Managed code never runs inside a Wine <c>__TRY</c> block, so the only live records
/// the reset can drop are the nested records of a dispatch still on the stack (an exception raised in
/// a catch or finally that runs during another one's dispatch), whose only role is to mark the inner
/// exception as nested; when such a handler returns, Wine pops its record and the head is the
/// outermost again. Without Wine nothing is installed: Windows keeps no such list on x64.
/// </para>
/// <para>
/// Checked with a scratch run of the published suite under Wine with three deliberately failing
/// tests (two assertions, one exception), a statically and a dynamically skipped test: without the
/// repair the run hangs at the first of them until <c>timeout</c> ends it; with it all five are
/// reported and the executable exits with xunit's failure code (1) in about 2 s. The whole suite,
/// with well over a hundred failures while the Windows code path was unfinished, also ran to its
/// summary. (The Windows run also needs
/// <c>DOTNET_EnableWriteXorExecute=0</c>, set by <c>.ci/windows</c>: under Wine 8.0 the runtime fails
/// with "Internal CLR error" when it frees a collected dynamic method, exceptions or not.)
/// </para>
/// </remarks>
internal static unsafe partial class WineExceptionList
{
    /// <summary>The value Wine writes into <c>ExceptionList</c> for an empty list (<c>(void *)~0ul</c>).</summary>
    private static readonly nint EndOfList = -1;

    /// <summary>THREADINFOCLASS.ThreadBasicInformation.</summary>
    private const int ThreadBasicInformation = 0;

    /// <summary>Records followed at most when looking for the outermost: a corrupt list must not hang the repair.</summary>
    private const int MaxRecords = 1024;

    [ThreadStatic]
    private static ThreadInformationBlock* t_block;

    [ThreadStatic]
    private static nint t_outermost;

    [ModuleInitializer]
    internal static void InstallUnderWine()
    {
        if (IsWine())
        {
            AppDomain.CurrentDomain.FirstChanceException += ResetToOutermost;
        }
    }

    /// <summary>True in a Windows process run by Wine: Wine's ntdll exports <c>wine_get_version</c>, Windows' does not.</summary>
    internal static bool IsWine() =>
        OperatingSystem.IsWindows()
        && NativeLibrary.TryLoad("ntdll.dll", out var ntdll)
        && NativeLibrary.TryGetExport(ntdll, "wine_get_version", out _);

    private static void ResetToOutermost(object? sender, FirstChanceExceptionEventArgs e)
    {
        var block = CurrentBlock();
        if (block == null)
        {
            return;
        }

        if (t_outermost == 0)
        {
            var head = block->ExceptionList;
            t_outermost = head == EndOfList || head < block->StackLimit || head >= block->StackBase ? EndOfList : Outermost(block, head);
            return;
        }

        block->ExceptionList = t_outermost;
    }

    /// <summary>The last record of a live list: each link of a live list points further up the stack.</summary>
    private static nint Outermost(ThreadInformationBlock* block, nint record)
    {
        for (var followed = 0; followed < MaxRecords; followed++)
        {
            var next = *(nint*)record;
            if (next <= record || next >= block->StackBase)
            {
                return record;
            }

            record = next;
        }

        return record;
    }

    private static ThreadInformationBlock* CurrentBlock()
    {
        if (t_block == null)
        {
            ThreadBasicInformationData information;
            if (NtQueryInformationThread(GetCurrentThread(), ThreadBasicInformation, &information, sizeof(ThreadBasicInformationData), null) == 0)
            {
                t_block = (ThreadInformationBlock*)information.TebBaseAddress;
            }
        }

        return t_block;
    }

    [LibraryImport("ntdll.dll")]
    private static partial int NtQueryInformationThread(nint thread, int informationClass, void* information, int length, int* returnLength);

    [LibraryImport("kernel32.dll")]
    private static partial nint GetCurrentThread();

    /// <summary>The start of the TEB: <c>NT_TIB</c> (winnt.h), x64 layout.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ThreadInformationBlock
    {
        public nint ExceptionList;
        public nint StackBase;
        public nint StackLimit;
    }

    /// <summary><c>THREAD_BASIC_INFORMATION</c> (winternl.h), x64 layout.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ThreadBasicInformationData
    {
        public int ExitStatus;
        public nint TebBaseAddress;
        public nint UniqueProcess;
        public nint UniqueThread;
        public nint AffinityMask;
        public int Priority;
        public int BasePriority;
    }
}
