using System.Diagnostics;
using System.Globalization;
using Queue.Domain;
using Queue.Domain.Analytics;
using Queue.Simulation;

namespace Queue.Benchmarks;

/// <summary>
/// The staffing search on the demo hall's average Monday: 8 weeks of the demo's generated history (the per-day arrivals
/// <see cref="DemoHall.ArrivalsPerDay"/>, seed 20240601 as the demo seeds it), the tidal advice for the Monday
/// after, then <see cref="StaffingSearch"/> from its Erlang C windows. Prints Erlang C's window-hours against the
/// simulated ones, the share within target, and the time of one search (median of a few).
/// </summary>
internal static class StaffingBenchmark
{
    public static void Run(int runs)
    {
        var hall = DemoHall.Load();
        var monday = new DateOnly(2026, 12, 7);
        var history = HistoryGenerator.Generate(
            [.. hall.Themes.Select(t => new HistoryTheme(t.Code, DemoHall.ArrivalsPerDay.GetValueOrDefault(t.Code, DemoHall.OtherArrivalsPerDay), t.ExpectedServiceMinutes))], monday.AddDays(-56), 8, 20_240_601);
        var advice = TidalAdvisor.Advise(hall, history.Arrivals, history.Services, monday, DateTimeOffset.UnixEpoch);
        Search($"demo hall, average Monday {monday:yyyy-MM-dd} (forecast from the demo's history)", StaffingSearch.Scenario(hall, advice), advice, runs);
        foreach (var scale in new[] { 1.0, 1.25 })
        {
            var day = DemoDay.Scenario(scale);
            Search($"demo day at {scale}× (DemoDay: two peaks, lognormal service, no-shows, patience)", day, HallDaySimulator.TidalPlan(day), runs);
        }
    }

    private static void Search(string title, HallDayScenario scenario, Queue.Contracts.Snapshots.TidalAdvice advice, int runs)
    {
        var hall = scenario.Hall;
        var work = scenario.Demand.Sum(d => d.OfferedWindowMinutes(0, 24 * 60)) / 60;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {hall.Windows.Length} windows, {advice.Intervals.Length} half hours ({hall.Windows.Length * advice.Intervals.Length / 2.0} window-hours), work {work:F1} window-hours; Erlang C shortfall {advice.Shortfall} window-intervals"));

        StaffingSearchResult? result = null;
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            result = StaffingSearch.Run(scenario, advice);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var check = result!.Check;
        Console.WriteLine("interval  Erlang C  simulated  share within target  shortfall");
        foreach (var row in check.Intervals)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{AnalyticsInterval.Start(row.Interval):HH\\:mm}     {row.ErlangC,8}  {row.Simulated,9}  {row.ShareWithinTarget * 100,17:F1}%  {row.Shortfall,9}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Erlang C {check.ErlangWindowHours:F1} window-hours (capped at the hall: {check.Intervals.Sum(r => Math.Min(r.ErlangC, hall.Windows.Length)) / 2.0:F1}); simulated {check.WindowHours:F1}; day's share within target {check.ShareWithinTarget * 100:F1}% (goal {check.Goal * 100:F0}% in every half hour: {(check.MeetsGoal ? "met" : "missed")}); shortfall {check.Shortfall}; {check.Iterations} plans, {(check.Stable ? "stable" : "stopped at the bound")}, {check.Replications} days each"));

        // The chosen plan on fresh days (seeds 1000…1029), the hall's routing with the tidal plan.
        var verify = PolicyComparison.Run(scenario with { Staffing = result.Plan }, [SimulationPolicy.QueueRoutingWithGuardianAndTidal], 30, 1000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the plan on 30 other days (with the guardian's moves): {verify[0].ShareWithinTarget.Mean * 100:F1} ± {verify[0].ShareWithinTarget.HalfWidth * 100:F1}% within target"));
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one search: median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {runs} runs; machine {Environment.ProcessorCount} cores"));
    }
}
