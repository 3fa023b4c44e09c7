namespace Queue.LoadTests.Engine;

/// <summary>
/// Runs scenarios together, NBomber's way: every Init, then all warm-ups at once (measurements discarded),
/// then all measured runs at once, then every Clean, even after a failure.
/// </summary>
public static class LoadRunner
{
    public static async Task<IReadOnlyList<ScenarioReport>> RunAsync(IReadOnlyList<Scenario> scenarios, LoadRunOptions? options = null, CancellationToken abort = default)
    {
        options ??= LoadRunOptions.Quiet;
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Select(s => s.Name).Distinct().Count() != scenarios.Count)
        {
            throw new ArgumentException("Scenario names must be unique.", nameof(scenarios));
        }

        var initialized = new List<Scenario>();
        try
        {
            foreach (var scenario in scenarios)
            {
                if (scenario.Simulations.Count == 0)
                {
                    throw new ArgumentException($"Scenario {scenario.Name} has no load simulation.", nameof(scenarios));
                }

                initialized.Add(scenario);
                await Setup(scenario.Init, options, abort);
            }

            var warming = scenarios.Where(s => s.WarmUp > TimeSpan.Zero).ToList();
            if (warming.Count > 0)
            {
                await RunPhaseAsync("warm-up", warming, s => LoadTimeline.From(s.Simulations).Truncate(s.WarmUp), true, options, abort);
            }

            var measured = await RunPhaseAsync("measure", scenarios, s => LoadTimeline.From(s.Simulations), false, options, abort);
            return [.. scenarios.Select((s, i) => measured[i].Report(s.DescribeLoad(), TimeSpan.FromSeconds(LoadTimeline.From(s.Simulations).Duration)))];
        }
        finally
        {
            foreach (var scenario in initialized)
            {
                await Setup(scenario.Clean, options, CancellationToken.None);
            }
        }
    }

    private static async Task<IReadOnlyList<ScenarioStats>> RunPhaseAsync(
        string phase, IReadOnlyList<Scenario> scenarios, Func<Scenario, LoadTimeline> timeline, bool isWarmUp, LoadRunOptions options, CancellationToken abort)
    {
        var stats = scenarios.Select(s => new ScenarioStats(s.Name)).ToList();
        var runners = scenarios.Select((s, i) => new ScenarioRunner(s, timeline(s), stats[i], isWarmUp)).ToList();
        // On the thread pool: the schedulers' timing must not wait behind the caller's synchronization context (a UI, a test runner).
        var run = Task.WhenAll(runners.Select(r => Task.Run(() => r.RunAsync(abort), CancellationToken.None)));
        await ProgressLine.ShowAsync(options, phase, runners.Max(r => r.Duration), stats, run);
        return stats;
    }

    private static async Task Setup(Func<CancellationToken, Task>? step, LoadRunOptions options, CancellationToken abort)
    {
        if (step is null)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
        timeout.CancelAfter(options.SetupTimeout);
        await step(timeout.Token);
    }
}
