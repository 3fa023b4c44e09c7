namespace Queue.Benchmarks.Profiling;

/// <summary>
/// The areas a ticket's CPU is split into, each recognised by its frames' names (namespace, type, method). A sample
/// belongs, exclusively, to the area of its innermost recognised frame (a Dictionary lookup inside the Domain counts
/// for the Domain, an SQLite call inside the journal read counts for SQLite); inclusively, to every area on its stack.
/// </summary>
internal static class ProfileAreas
{
    public const string Other = "other: thread pool, async machinery, BCL, runtime";

    // Most specific first: a frame that two areas name belongs to the first.
    private static readonly (string Area, Func<string, bool> Matches)[] Areas =
    [
        ("GC (the collector, and threads held for it)", f => Has(f, "gc_heap::", "GCHeap::", "[libclrgc", "PollGCWorker", "GCToEEInterface::")),
        ("JIT compiler", f => Starts(f, "[libclrjit")),
        // pread/pwrite/fsync: only SQLite does file I/O in the product (sockets send and receive); perf's stack ends in libc there.
        ("SQLite (Microsoft.Data.Sqlite + native)", f => Starts(f, "Microsoft.Data.Sqlite.", "SQLitePCL.", "[e_sqlite3", "[libe_sqlite3",
            "[libc.so.6] __libc_pread", "[libc.so.6] __libc_pwrite", "[libc.so.6] fsync", "[libc.so.6] fdatasync")),
        ("JSON (System.Text.Json)", f => Starts(f, "System.Text.Json.")),
        ("Orleans serialization", f => Starts(f, "Orleans.Serialization.") || (Starts(f, "OrleansCodeGen.") && Has(f, "Codec_", "Copier_", "Activator_"))),
        ("reading the journal back (ReadEventsAsync)", f => Starts(f, "Queue.Engine.Persistence.") && Has(f, "QueryEvents", "ReadEvents")),
        ("state write (QueueGrainStorage, group commit)", f => Starts(f, "Queue.Engine.Persistence.")),
        ("hall notification (HallGrain, journal feed)", f => Starts(f, "Queue.Engine.Grains.Hall")),
        ("time-series relay", f => Starts(f, "Queue.Engine.TimeSeries.")),
        ("webhook relay", f => Starts(f, "Queue.Engine.Webhooks.")),
        ("decision (Queue.Domain)", f => Starts(f, "Queue.Domain.")),
        ("grains' own code (QueueGrain, ThemeQueueGrain, TicketGrain)", f => Starts(f, "Queue.Engine.")),
        ("hub / SignalR (Dashboard.Live)", f => Starts(f, "Microsoft.AspNetCore.SignalR.", "Microsoft.AspNetCore.Http.Connections.", "Queue.Dashboard.Live.")),
        ("grain call (Orleans messaging, scheduling)", f => Starts(f, "Orleans.", "OrleansCodeGen.")),
        ("thread pool: idle workers spinning and waking", f => Starts(f, "System.Threading.LowLevelLifoSemaphore", "System.Threading.LowLevelMonitor")),
        ("logging, metrics, tracing", f => Starts(f, "Microsoft.Extensions.Logging.", "OpenTelemetry.", "System.Diagnostics.Metrics.", "System.Diagnostics.Activity", "System.Diagnostics.DiagnosticListener")),
        // libcrypto: the bearer check's HMAC (OpenSSL underneath); nothing else here uses it (no TLS on loopback).
        ("HTTP + auth (Kestrel, routing, middleware, bearer check)",
            f => Starts(f, "Microsoft.AspNetCore.", "Queue.Dashboard.", "System.Net.Sockets.", "System.IO.Pipelines.", "System.Security.Cryptography.", "Microsoft.Net.Http.Headers.", "[libcrypto")),
    ];

    // A leaf (or near-leaf) frame of a thread that is blocked or idle rather than running.
    private static readonly string[] Waits =
    [
        "WaitHandle.WaitOne", "WaitHandle.WaitMultiple", "WaitHandle.WaitCore", "WaitSubsystem", "LowLevelLifoSemaphore.Wait", "LowLevelMonitor.Wait",
        "LowLevelMonitor_Wait", "LowLevelMonitor_TimedWait", "LowLevelSemaphore", "Monitor.Wait", "Monitor.ObjWait", "Thread.Sleep", "Thread.SleepInternal",
        "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "Task.SpinThenBlockingWait", "Task.InternalWaitCore", "Thread.Join",
        "Interop+Sys.WaitForSocketEvents", "SocketAsyncEngine.EventLoop", "Interop+Sys.Read(", "ConsolePal", "Interop+Sys.Poll",
        "WaitOneNoCheck", "PortableThreadPool+GateThread", "WaitAnyMultiple", "WaitThread.WaitThreadStart",
    ];

    public static IEnumerable<string> Names => Areas.Select(a => a.Area).Append(Other);

    /// <summary>Whether the sample is of a thread that waits: one of its three innermost frames is a blocking wait or the socket poll.</summary>
    public static bool IsWaiting(IReadOnlyList<string> framesLeafFirst) =>
        framesLeafFirst.Take(3).Any(f => Waits.Any(w => f.Contains(w, StringComparison.Ordinal)))
        || framesLeafFirst[0].StartsWith("System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart", StringComparison.Ordinal);

    public static string Innermost(IReadOnlyList<string> framesLeafFirst) => InnermostFrame(framesLeafFirst).Area;

    /// <summary>The sample's area and the frame that decided it (the leaf when no frame is recognised).</summary>
    public static (string Area, string Frame) InnermostFrame(IReadOnlyList<string> framesLeafFirst)
    {
        foreach (var frame in framesLeafFirst)
        {
            if (Of(frame) is { } area)
            {
                return (area, frame);
            }
        }

        return (Other, framesLeafFirst[0]);
    }

    public static IEnumerable<string> All(IReadOnlyList<string> framesLeafFirst)
    {
        var areas = framesLeafFirst.Select(Of).OfType<string>().Distinct().ToList();
        return areas.Count == 0 ? [Other] : areas;
    }

    /// <summary>A frame's name without its argument list and generic noise, for the tables.</summary>
    public static string Shorten(string frame)
    {
        var paren = frame.IndexOf('(', StringComparison.Ordinal);
        var name = paren > 0 ? frame[..paren] : frame;
        return name.Length > 140 ? name[..140] + "…" : name;
    }

    private static string? Of(string frame)
    {
        foreach (var (area, matches) in Areas)
        {
            if (matches(frame))
            {
                return area;
            }
        }

        return null;
    }

    private static bool Starts(string frame, params string[] prefixes) => prefixes.Any(p => frame.StartsWith(p, StringComparison.Ordinal));

    private static bool Has(string frame, params string[] parts) => parts.Any(p => frame.Contains(p, StringComparison.Ordinal));
}
