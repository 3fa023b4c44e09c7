using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace Queue.Benchmarks.Profiling;

/// <summary>
/// Prints where a profile's samples go: by area (<see cref="ProfileAreas"/>), then the top methods, inclusive and
/// exclusive. Two inputs: a dotnet-trace .nettrace (the sampled-thread-time profile: every managed thread's stack, on CPU
/// or not; samples of threads that wait - a blocked wait, the socket poll, an idle thread-pool worker - are counted apart
/// and left out of the shares, but a thread blocked inside a native call, such as SQLite's fsync, still counts), or the
/// text of `perf script` (on-CPU samples only, native frames and the GC included; <see cref="PerfScript"/>).
/// `dotnet run -c Release --project benchmarks/Queue.Benchmarks -- breakdown kiosk.nettrace|perf.txt [counters.csv] [--top N] [--stacks]`.
/// </summary>
internal static class TraceBreakdown
{
    private const string SampleProvider = "Microsoft-DotNETCore-SampleProfiler";

    public static void Run(string[] args)
    {
        var input = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.EndsWith(".csv", StringComparison.Ordinal))
            ?? throw new ArgumentException("breakdown needs a .nettrace file or the text of `perf script`");
        var counters = args.FirstOrDefault(a => a.EndsWith(".csv", StringComparison.Ordinal));
        var topIndex = Array.IndexOf(args, "--top");
        var top = topIndex >= 0 ? int.Parse(args[topIndex + 1], CultureInfo.InvariantCulture) : 25;
        var tally = input.EndsWith(".nettrace", StringComparison.Ordinal)
            ? Tally(EventPipeSamples(input), skipWaits: true)
            : Tally(PerfScript.Samples(input), skipWaits: false);
        Print(tally, top, args.Contains("--stacks"));
        if (counters is not null)
        {
            CounterSummary.Print(counters);
        }
    }

    private static SampleTally Tally(IEnumerable<List<string>> samples, bool skipWaits)
    {
        var tally = new SampleTally();
        foreach (var frames in samples)
        {
            if (frames.Count == 0)
            {
                tally.NoStack++;
                continue;
            }

            if (skipWaits && ProfileAreas.IsWaiting(frames))
            {
                tally.Waiting++;
                tally.Add(tally.WaitLeaves, ProfileAreas.Shorten(frames[0]));
                continue;
            }

            tally.Running++;
            var (area, deciding) = ProfileAreas.InnermostFrame(frames);
            tally.Add(tally.Exclusive, area);
            tally.Add(tally.AreaFrames, area + " > " + ProfileAreas.Shorten(deciding));
            foreach (var inclusive in ProfileAreas.All(frames))
            {
                tally.Add(tally.Inclusive, inclusive);
                tally.Add(tally.Within, inclusive + " > " + area);
            }

            tally.Add(tally.Leaves, ProfileAreas.Shorten(frames[0]));
            foreach (var method in frames.Select(ProfileAreas.Shorten).Distinct())
            {
                tally.Add(tally.Methods, method);
            }

            tally.Add(tally.Stacks, area + " | " + string.Join(" <- ", frames.Take(12).Select(ProfileAreas.Shorten)));
        }

        return tally;
    }

    /// <summary>The sample profiler's samples of a .nettrace, each as its frames, leaf first.</summary>
    private static IEnumerable<List<string>> EventPipeSamples(string trace) =>
        Events(trace).Where(e => e.ProviderName == SampleProvider).Select(Frames);

    /// <summary>Every event of a .nettrace, with its stack resolved (through a temporary .etlx, deleted after).</summary>
    internal static IEnumerable<TraceEvent> Events(string trace)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(trace, Path.ChangeExtension(Path.GetTempFileName(), ".etlx"));
        try
        {
            using var log = new TraceLog(etlx);
            foreach (var e in log.Events)
            {
                yield return e;
            }
        }
        finally
        {
            File.Delete(etlx);
        }
    }

    /// <summary>The sample's frames, leaf first; an unresolved frame is its module's name in brackets.</summary>
    internal static List<string> Frames(TraceEvent sample)
    {
        var frames = new List<string>();
        for (var stack = sample.CallStack(); stack is not null; stack = stack.Caller)
        {
            var address = stack.CodeAddress;
            var name = address.FullMethodName;
            frames.Add(string.IsNullOrEmpty(name) ? $"[{address.ModuleName}]" : name);
        }

        return frames;
    }

    private static void Print(SampleTally tally, int top, bool stacks)
    {
        var all = tally.Running + tally.Waiting + tally.NoStack;
        Console.WriteLine(Invariant($"samples: {all:N0}; waiting (left out) {tally.Waiting:N0}; no stack {tally.NoStack:N0}; counted {tally.Running:N0} = 100% below"));
        Console.WriteLine();
        Console.WriteLine("| area | exclusive (innermost) | inclusive (anywhere on the stack) |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var area in ProfileAreas.Names)
        {
            Console.WriteLine(Invariant($"| {area} | {Share(tally.Exclusive, area, tally.Running)} | {Share(tally.Inclusive, area, tally.Running)} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Each area's inclusive samples by innermost area (shares of all running samples):");
        foreach (var area in ProfileAreas.Names)
        {
            var parts = tally.Within.Where(p => p.Key.StartsWith(area + " > ", StringComparison.Ordinal) && p.Value * 200 >= tally.Running)
                .OrderByDescending(p => p.Value)
                .Select(p => Invariant($"{p.Key[(area.Length + 3)..]} {100.0 * p.Value / tally.Running:F1}%"));
            Console.WriteLine($"  {area}: {string.Join("; ", parts)}");
        }

        Console.WriteLine();
        Console.WriteLine("Each area's top frames (the innermost frame of the area in each sample; shares of all counted samples):");
        foreach (var area in ProfileAreas.Names)
        {
            foreach (var (key, count) in tally.AreaFrames.Where(p => p.Key.StartsWith(area + " > ", StringComparison.Ordinal)).OrderByDescending(p => p.Value).Take(6))
            {
                Console.WriteLine(Invariant($"  {100.0 * count / Math.Max(1, tally.Running),5:F1}%  {key}"));
            }
        }

        Section("Top methods, inclusive", tally.Methods, tally.Running, top);
        Section("Top leaf frames (exclusive)", tally.Leaves, tally.Running, top);
        Section("Leaf frames of the waiting samples (left out)", tally.WaitLeaves, tally.Waiting, 10);
        if (stacks)
        {
            Section("Top stacks (12 frames, leaf first)", tally.Stacks, tally.Running, top);
        }
    }

    private static void Section(string title, Dictionary<string, int> counts, int total, int top)
    {
        Console.WriteLine();
        Console.WriteLine(title + ":");
        foreach (var (name, count) in counts.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(Invariant($"  {100.0 * count / Math.Max(1, total),5:F1}%  {name}"));
        }
    }

    private static string Share(Dictionary<string, int> counts, string key, int total) =>
        Invariant($"{100.0 * counts.GetValueOrDefault(key) / Math.Max(1, total):F1}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class SampleTally
    {
        public int Running { get; set; }

        public int Waiting { get; set; }

        public int NoStack { get; set; }

        public Dictionary<string, int> Exclusive { get; } = [];

        public Dictionary<string, int> Inclusive { get; } = [];

        public Dictionary<string, int> Within { get; } = [];

        public Dictionary<string, int> AreaFrames { get; } = [];

        public Dictionary<string, int> Methods { get; } = [];

        public Dictionary<string, int> Leaves { get; } = [];

        public Dictionary<string, int> WaitLeaves { get; } = [];

        public Dictionary<string, int> Stacks { get; } = [];

        public void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
