using System.Diagnostics;
using System.Globalization;
using Queue.Simulation;

namespace Queue.Benchmarks;

/// <summary>
/// The forward wait prediction (docs/simulation.md, "Predicted waits"): its calibration on simulated demo days taken as the
/// truth (share of actual waits inside the range shown, median absolute error against the closed form), and the time of
/// one live prediction for the demo hall (20 windows, 20 replications) taken at many moments of a busy day.
/// </summary>
internal static class ForecastBenchmark
{
    public static void Run(int days)
    {
        if (days == 0)
        {
            Speed();
            return;
        }

        foreach (var (name, scale, policy, factor) in new[]
        {
            ("demo day ×1, Queue routing", 1.0, SimulationPolicy.QueueRouting, 1.0),
            ("demo day ×1.3 (busy), Queue routing", 1.3, SimulationPolicy.QueueRouting, 1.0),
            ("demo day ×1.3 (busy), routing + guardian + tidal", 1.3, SimulationPolicy.QueueRoutingWithGuardianAndTidal, 1.0),
            ("demo day ×1.3 (busy), Queue routing, forecast 20% low", 1.3, SimulationPolicy.QueueRouting, 0.8),
        })
        {
            var clock = Stopwatch.StartNew();
            var r = ForecastCalibration.Run(DemoDay.Scenario(scale), policy, days, everyNth: 10, forecastFactor: factor);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {r.Samples} issue moments over {days} days ({r.LeftOut} left out): inside the range {r.ShareInside:P1}, median |error| forward {r.MedianErrorForward:F1} min vs closed form {r.MedianErrorClosedForm:F1} min; median range width {r.MedianWidth:F0} min; closed form within ±5 min {r.ShareClosedFormWithin5:P1}; tickets already waiting: {r.WaitingSamples} checks, inside {r.WaitingShareInside:P1}, median |error| forward {r.WaitingMedianErrorForward:F1} vs closed form {r.WaitingMedianErrorClosedForm:F1} min ({clock.Elapsed.TotalSeconds:F0} s)"));
        }

        Speed();
    }

    private static void Speed()
    {
        var scenario = DemoDay.Scenario(1.3);
        var draws = DayTickets.Draw(scenario, 11);
        var moments = new List<LiveHall>();
        var day = HallDaySimulator.Observe(scenario, draws, every: 25, moments);
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        foreach (var live in moments.Concat(moments)) // warm-up: the JIT's tiers settle
        {
            ForwardPrediction.Run(live with { Behaviour = CitizenBehaviour.None });
        }

        var allocated = new List<double>();
        foreach (var live in moments)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            ForwardPrediction.Run(live with { Behaviour = CitizenBehaviour.None });
            times.Add(clock.Elapsed.TotalMilliseconds);
            allocated.Add((GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1048576.0);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        times.Sort();
        cpu.Sort();
        allocated.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  allocated per prediction (what the collector must take back): median {ForwardPrediction.Percentile(allocated, 0.5):F2} MiB, p90 {ForwardPrediction.Percentile(allocated, 0.9):F2} MiB, max {allocated[^1]:F2} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU time of the process per prediction (what the shared machine's load does not inflate): median {ForwardPrediction.Percentile(cpu, 0.5):F1} ms, p90 {ForwardPrediction.Percentile(cpu, 0.9):F1} ms, max {cpu[^1]:F1} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live forward prediction, demo hall ({scenario.Hall.Windows.Length} windows, {ForwardPrediction.Replications} replications) at {times.Count} moments of a busy day ({day} tickets, up to {moments.Max(m => m.Lines.Sum(l => l.Waiting.Length))} waiting): median {ForwardPrediction.Percentile(times, 0.5):F1} ms, p90 {ForwardPrediction.Percentile(times, 0.9):F1} ms, max {times[^1]:F1} ms"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        DeepLines(moments[moments.Count / 2]);
    }

    /// <summary>One prediction at a moment of the day with the first theme's line made 1,000 and 10,000 long (a surge nobody calls from).</summary>
    private static void DeepLines(LiveHall moment)
    {
        var process = Process.GetCurrentProcess();
        foreach (var waiting in new[] { 1_000, 10_000 })
        {
            var first = moment.Lines[0];
            var deep = first with
            {
                Waiting = [.. Enumerable.Range(0, waiting).Select(i => new Queue.Contracts.Snapshots.WaitingTicket(
                    $"deep-{i}", $"D{i:00000}", Queue.Contracts.Model.PriorityClass.Normal, moment.Now.AddSeconds(-waiting + i), null))],
            };
            var live = moment with { Lines = [deep, .. moment.Lines.Skip(1)], Behaviour = CitizenBehaviour.None };
            ForwardPrediction.Run(live); // warm-up
            var cpu = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                ForwardPrediction.Run(live);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            }

            cpu.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  with {waiting:N0} waiting in {first.ThemeCode} (places followed at most {ForwardPrediction.MaxFollowedPlaces}): CPU per prediction median {ForwardPrediction.Percentile(cpu, 0.5):F0} ms (min {cpu[0]:F0}, max {cpu[^1]:F0})"));
        }
    }
}
