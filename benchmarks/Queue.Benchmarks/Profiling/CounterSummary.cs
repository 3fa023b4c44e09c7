using System.Globalization;

namespace Queue.Benchmarks.Profiling;

/// <summary>
/// Summarises a dotnet-counters CSV (`--format csv`, System.Runtime, Microsoft.AspNetCore.Hosting and the product's Queue meter): the mean of each
/// counter over the collection, and the GC's share of the process's CPU (pause time ÷ CPU time).
/// </summary>
internal static class CounterSummary
{
    public static void Print(string csv)
    {
        var means = File.ReadLines(csv).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 5 && double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .GroupBy(cells => string.Join(",", cells[2..^2]))
            .ToDictionary(g => g.Key, g => g.Average(cells => double.Parse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture)));
        double Mean(string start) => means.Where(p => p.Key.StartsWith(start, StringComparison.Ordinal)).Sum(p => p.Value);

        var cpu = Mean("dotnet.process.cpu.time");
        var pause = Mean("dotnet.gc.pause.time");
        Console.WriteLine();
        Console.WriteLine("Counters (means over the collection):");
        Console.WriteLine(Invariant($"  process CPU {cpu:F2} s/s (user {Mean("dotnet.process.cpu.time (s / 1 sec)[cpu.mode=user]"):F2}, system {Mean("dotnet.process.cpu.time (s / 1 sec)[cpu.mode=system]"):F2})"));
        Console.WriteLine(Invariant($"  GC pauses {pause:F3} s per second of wall time, {100 * pause / Math.Max(cpu, 1e-9):F1}% of the process's CPU-seconds (while paused, the managed threads stand still)"));
        Console.WriteLine(Invariant($"  allocated {Mean("dotnet.gc.heap.total_allocated") / 1048576:F1} MiB/s; collections/s gen0 {Mean("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]"):F1}, gen1 {Mean("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen1]"):F1}, gen2 {Mean("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen2]"):F2}"));
        Console.WriteLine(Invariant($"  lock contentions {Mean("dotnet.monitor.lock_contentions"):F0}/s; thread-pool work items {Mean("dotnet.thread_pool.work_item.count"):F0}/s"));
        Console.WriteLine(Invariant($"  working set {Mean("dotnet.process.memory.working_set") / 1048576:F0} MiB; JIT {Mean("dotnet.jit.compilation.time"):F3} s/s"));
        foreach (var (name, mean) in means.Where(p => p.Key.StartsWith("http.server.request.duration", StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var percentile = name[(name.LastIndexOf("Percentile=", StringComparison.Ordinal) + 11)..].TrimEnd(']');
            var route = name.Contains("http.route=", StringComparison.Ordinal) ? name.Split(';').First(p => p.StartsWith("http.route=", StringComparison.Ordinal))[11..] : "?";
            Console.WriteLine(Invariant($"  request duration p{percentile} {route}: {mean * 1000:F1} ms"));
        }

        // The store's group commit (meter Queue): grain writes per SQLite transaction, so per fsync.
        foreach (var (name, mean) in means.Where(p => p.Key.StartsWith("queue.store.batch", StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Invariant($"  writes per store commit p{name[(name.LastIndexOf("Percentile=", StringComparison.Ordinal) + 11)..].TrimEnd(']')}: {mean:F1}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
