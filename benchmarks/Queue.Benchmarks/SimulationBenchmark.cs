using System.Diagnostics;
using System.Globalization;
using Queue.Simulation;

namespace Queue.Benchmarks;

/// <summary>
/// The hall-day simulator's speed: the demo hall's 20 windows on a day of about 1,500 tickets (the demo day at 2.6× demand with
/// services 0.4 as long, so the hall is about as busy as at 1×), one day per policy, then 100 replications of the full comparison.
/// </summary>
internal static class SimulationBenchmark
{
    public static void Run(int replications)
    {
        var demo = DemoDay.Scenario(2.6);
        var scenario = demo with
        {
            Demand = [.. demo.Demand.Select(d => d with { Service = d.Service with { MeanMinutes = d.Service.MeanMinutes * 0.4 } })],
        };
        var draws = DayTickets.Draw(scenario, seed: 1);
        foreach (var policy in new[] { SimulationPolicy.QueueRouting, SimulationPolicy.QueueRoutingWithGuardianAndTidal })
        {
            var total = Stopwatch.StartNew();
            PolicyComparison.Run(scenario, [policy], replications, seed: 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{replications} replications of {policy}: {total.Elapsed.TotalSeconds:F2} s ({total.Elapsed.TotalMilliseconds / replications:F1} ms a day)"));
        }

        var all = Stopwatch.StartNew();
        PolicyComparison.Run(scenario, PolicyComparison.All, replications, seed: 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{replications} replications × {PolicyComparison.All.Count} policies (the full comparison): {all.Elapsed.TotalSeconds:F2} s"));

        foreach (var policy in PolicyComparison.All)
        {
            for (var warm = 0; warm < 5; warm++)
            {
                HallDaySimulator.Run(scenario, policy, draws); // warm-up: the JIT's tiers settle
            }

            var times = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                var clock = Stopwatch.StartNew();
                HallDaySimulator.Run(scenario, policy, DayTickets.Draw(scenario, seed: 100 + run));
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one hall-day, {scenario.Hall.Windows.Length} windows, {draws.Count} tickets, {policy}: median {times[2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over 5 days"));
        }
    }
}
