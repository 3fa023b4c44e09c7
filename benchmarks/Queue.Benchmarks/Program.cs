using System.Diagnostics;
using System.Globalization;
using Queue.Benchmarks;
using Queue.Benchmarks.HotPaths;
using Queue.Benchmarks.Profiling;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;

// Tidal advice for a big county hall: 20 themes, one year of history, 150 windows of which 30 tidal. Prints the time of each step,
// the median of several runs, to compare a change against the figure in the README.
// `simulate [replications]`: the hall-day simulator instead (docs/simulation.md); `staffing [runs]`: the staffing search.
// `forecast [days]`: the forward wait prediction's calibration and speed (docs/simulation.md, "Predicted waits"); `forecast 0`: speed only.
// `hot [BenchmarkDotNet args]`: a durable ticket's hot functions (BenchmarkDotNet); `store [writes]`: the state store under a surge's
// writes; `allocations FILE.nettrace`: a gc-verbose trace's allocations by type and caller; `breakdown FILE`: a profile's breakdown by area
// (docs/performance.md, "Where a ticket's CPU goes"; benchmarks/profile-kiosk.sh records one).
if (args is ["hot", ..])
{
    HotPathRunner.Run(args[1..]);
    return;
}

if (args is ["store", ..])
{
    StoreBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40_000);
    return;
}

if (args is ["allocations", _, ..])
{
    AllocationBreakdown.Run(args[1..]);
    return;
}

if (args is ["breakdown", ..])
{
    TraceBreakdown.Run(args[1..]);
    return;
}

if (args is ["staffing", ..])
{
    StaffingBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
    return;
}

if (args is ["forecast", ..])
{
    ForecastBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
    return;
}

if (args is ["simulate", ..])
{
    SimulationBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100);
    return;
}

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var themes = Enumerable.Range(1, 20).Select(i => new ThemeConfig($"T{i:00}", $"事项{i}", $"Theme {i}", ((char)('A' + (i % 26))).ToString() + (char)('A' + (i / 26)), "z", 30, 5 + (i % 4 * 5))).ToList();
var windows = themes.SelectMany((t, i) => Enumerable.Range(0, 5 + (i % 3)).Select(k => new WindowConfig((i * 8) + k + 1, "z", WindowProfile.Dedicated(t.Code))))
    .Concat(Enumerable.Range(0, 30).Select(i => new WindowConfig(200 + i, "z",
        new WindowProfile(WindowProfileKind.Ordered, [themes[i % 20].Code, themes[(i + 7) % 20].Code, themes[(i + 13) % 20].Code]), Tidal: true)))
    .ToList();
var hall = new HallConfig("bench", "基准大厅", "Benchmark hall", HallConfig.DefaultTimeZone, new TimeOnly(8, 30), new TimeOnly(17, 0),
    [new ZoneConfig("z", "综合区", "Main")], [.. themes], [.. windows], RoutingPolicy.Default);
var date = new DateOnly(2026, 11, 24);

var clock = Stopwatch.StartNew();
var history = HistoryGenerator.Generate([.. themes.Select((t, i) => new HistoryTheme(t.Code, 60 + (i * 15), t.ExpectedServiceMinutes))], date.AddDays(-364), 52, seed: 7);
Console.WriteLine($"history: {history.Arrivals.Count:N0} interval counts, {history.Services.Count:N0} service samples, generated in {clock.ElapsedMilliseconds} ms");

var forecastOptions = new ForecastOptions(Weeks: 52);
var times = new List<double>();
var advice = TidalAdvisor.Advise(hall, history.Arrivals, history.Services, date, DateTimeOffset.UtcNow, forecastOptions); // warm-up
for (var run = 0; run < runs; run++)
{
    clock.Restart();
    advice = TidalAdvisor.Advise(hall, history.Arrivals, history.Services, date, DateTimeOffset.UtcNow, forecastOptions);
    times.Add(clock.Elapsed.TotalMilliseconds);
}

times.Sort();
Console.WriteLine($"advice: 20 themes × 52 weeks, {advice.Intervals.Length} intervals, 30 tidal windows: median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over {runs} runs");
Console.WriteLine($"plan: shortfall {advice.Shortfall} window-intervals, {advice.Switches} switches, {advice.Coverage.Sum(c => c.Required)} window-intervals required");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
