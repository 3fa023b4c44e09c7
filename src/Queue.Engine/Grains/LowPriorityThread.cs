using System.Runtime.InteropServices;

namespace Queue.Engine.Grains;

/// <summary>
/// Lowers the calling thread's CPU priority, so that the kernel runs it only when nothing of normal priority wants the
/// core: on Linux its nice value becomes 19 (a per-thread attribute there: <c>setpriority(PRIO_PROCESS, tid, 19)</c>;
/// .NET's <see cref="Thread.Priority"/> does nothing on Unix), on Windows its priority becomes the lowest.
/// </summary>
internal static class LowPriorityThread
{
    public const int Nice = 19;

    /// <summary>Lowers the calling thread; false where the platform refused or has no such setting (it then runs as before).</summary>
    public static bool LowerCurrent()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return SetPriority(0 /* PRIO_PROCESS: a thread id on Linux */, GetTid(), Nice) == 0;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false; // a C library without gettid (glibc before 2.30): the thread runs at the normal priority
            }
        }

        if (OperatingSystem.IsWindows())
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
            return true;
        }

        return false;
    }

    // DllImport rather than LibraryImport: the signatures are blittable, and LibraryImport would need unsafe code here.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();
}
