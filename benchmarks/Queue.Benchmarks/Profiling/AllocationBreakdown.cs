using System.Globalization;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Queue.Benchmarks.Profiling;

/// <summary>
/// `allocations FILE.nettrace [--top N]`: where a trace's allocations come from (docs/performance.md). The trace is
/// `dotnet-trace collect --profile gc-verbose`, whose GC AllocationTick event fires about every 100 KB allocated, with
/// the type of the object that crossed the mark and its stack; so each tick stands for about 100 KB of that stack's
/// allocations. Prints the allocated bytes by type, and by the first frame of ours (Queue.*) on the stack, and by the
/// innermost frame outside the runtime's and the BCL's.
/// </summary>
internal static class AllocationBreakdown
{
    public static void Run(string[] args)
    {
        var trace = args[0];
        var top = args.SkipWhile(a => a != "--top").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(30);
        var byType = new Dictionary<string, long>();
        var byOurFrame = new Dictionary<string, long>();
        var byCaller = new Dictionary<string, long>();
        long total = 0;
        var ticks = 0;
        foreach (var e in TraceBreakdown.Events(trace).OfType<GCAllocationTickTraceData>())
        {
            var amount = e.AllocationAmount64;
            total += amount;
            ticks++;
            Add(byType, e.TypeName, amount);
            var frames = TraceBreakdown.Frames(e);
            Add(byOurFrame, frames.FirstOrDefault(f => f.StartsWith("Queue.", StringComparison.Ordinal)) ?? "(no frame of ours)", amount);
            Add(byCaller, frames.FirstOrDefault(f => !IsPlumbing(f)) ?? frames.FirstOrDefault() ?? "(no stack)", amount);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation ticks: {ticks:N0}, {total / 1048576.0:F1} MiB sampled"));
        Print("by type", byType, total, top);
        Print("by the innermost frame of ours (Queue.*)", byOurFrame, total, top);
        Print("by the innermost frame outside System.*/Microsoft.Extensions.* and the runtime", byCaller, total, top);
    }

    private static bool IsPlumbing(string frame) =>
        frame.StartsWith('[') || frame.StartsWith("System.", StringComparison.Ordinal) || frame.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);

    private static void Add(Dictionary<string, long> totals, string key, long amount) => totals[key] = totals.GetValueOrDefault(key) + amount;

    private static void Print(string title, Dictionary<string, long> totals, long total, int top)
    {
        Console.WriteLine();
        Console.WriteLine(title + ":");
        foreach (var (key, amount) in totals.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {100.0 * amount / Math.Max(1, total),5:F1}%  {(key.Length > 150 ? key[..150] + "…" : key)}"));
        }
    }
}
