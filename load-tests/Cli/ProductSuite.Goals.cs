using System.Globalization;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Cli;

/// <summary>Issue 15's scenarios: watchers-20k, issue-deep-line and the soak.</summary>
public sealed partial class ProductSuite
{
    /// <summary>watchers-20k's count (already fitted to the open-file limit by the runner).</summary>
    public int BigWatcherCount { get; init; } = 1;

    /// <summary>issue-deep-line's sizes.</summary>
    public DeepLineOptions DeepLineOptions { get; init; } = new();

    /// <summary>The soak's length, its rate (null: half the measured maximum) and how often the halls close their day.</summary>
    public SoakOptions SoakOptions { get; init; } = new();

    public int? SoakRate { get; init; }

    /// <summary>The watchers-20k run; null when it was not selected.</summary>
    public WatchersScenario? BigWatchers { get; private set; }

    /// <summary>The issue-deep-line run; null when it was not selected.</summary>
    public DeepLine? DeepLine { get; private set; }

    /// <summary>The soak; null when it was not selected.</summary>
    public Soak? Soak { get; private set; }

    private async Task<IReadOnlyList<ScenarioReport>> RunBigWatchersAsync(CancellationToken abort)
    {
        // Opening tens of thousands of connections (and issuing a ticket per phone) takes longer than the usual setup limit.
        BigWatchers = new WatchersScenario(new WatchersOptions { ConnectParallelism = 64 });
        var scenario = BigWatchers.Create(ProductScenarios.Watchers20k, product, BigWatcherCount, suite.WatcherCalls).WithWarmUp(suite.WarmUp);
        try
        {
            var reports = await TimedAsync([scenario], abort, run with { SetupTimeout = TimeSpan.FromMinutes(20) });
            Describe(ProductScenarios.Watchers20k, BigWatchers);
            return reports;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !abort.IsCancellationRequested)
        {
            // Too many connections for this machine must not cost the scenarios after it.
            Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{ProductScenarios.Watchers20k} stopped while setting up {BigWatcherCount:N0} watchers: {ex.GetType().Name}: {ex.Message}"));
            BigWatchers = null;
            return [];
        }
    }

    private async Task<ScenarioReport> RunDeepLineAsync(CancellationToken abort)
    {
        DeepLine = new DeepLine(product, DeepLineOptions);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(abort);
        _ = DeepLine.Finished.ContinueWith(_ => Cancel(stop), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var report = (await TimedAsync([DeepLine.Create(ProductScenarios.DeepLine)], stop.Token))[0];
        var m = DeepLine.Milestones;
        var (emptyAhead, deepAhead) = DeepLine.PeopleAhead;
        Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{ProductScenarios.DeepLine}: {DeepLineOptions.Clients} closed clients issued into {DeepLine.HallId}/{DeepLine.Theme} from an empty line; "
            + $"tickets {m.Offset + 1:N0}–{m.Offset + m.Sample:N0} (people ahead ≤ {emptyAhead:N0}) at {Rate(m.EmptyRate)}/s, tickets {m.Deep + 1:N0}–{m.Deep + m.Sample:N0} "
            + $"(people ahead ≥ {deepAhead?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a"}) at {Rate(m.DeepRate)}/s; {m.Count:N0} counted in {m.Elapsed:0.0} s; "
            + $"the warm-up issued into {DeepLine.WarmUpTheme}; close-day before and after."));
        return Rescaled(report, m.Elapsed, m.Done.IsCompleted);

        static string Rate(double? rate) => rate is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "n/a";
    }

    private async Task<IReadOnlyList<ScenarioReport>> RunSoakAsync(KioskSurge kiosk, List<ScenarioReport> earlier, CancellationToken abort)
    {
        var reports = new List<ScenarioReport>();
        var max = earlier.FirstOrDefault(r => r.Name == Ratios.KioskMax);
        if (SoakRate is null && max is null)
        {
            // The soak's rate is half the maximum, measured now if kiosk-surge was not selected.
            max = (await TimedAsync([kiosk.Create(Ratios.KioskMax, suite.Throughput).WithWarmUp(suite.WarmUp)], abort))[0];
            reports.Add(max);
        }

        var rate = SoakRate ?? Math.Max(1, (int)Math.Round(max!.Total.OkRps / 2));
        var calls = suite.WatcherCalls.FirstOrDefault()?.Target ?? 1;
        Soak = new Soak(product, SoakOptions with { Rate = rate, Watchers = suite.MorningWatchers, CallsPerSecond = calls, WarmUp = suite.WarmUp });
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var memory = Soak.SampleMemoryAsync(sampling.Token);
        reports.AddRange(await TimedAsync(Soak.Create(), abort));
        await sampling.CancelAsync();
        try
        {
            await memory;
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException)
        {
            Notes.Add($"soak: the product's memory was not read at both points ({ex.GetType().Name}).");
        }

        var source = SoakRate is null ? string.Create(CultureInfo.InvariantCulture, $"half of {Ratios.KioskMax}'s {max!.Total.OkRps:N0}/s") : "--soak-rate";
        Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"soak: {Soak.Options.Duration.TotalMinutes:0.##} min of kiosk tickets at {rate}/s ({source}) over {product.Halls.Count} halls, {Soak.Options.Watchers} watchers connected "
            + $"with {calls} window calls/s, every hall closing its day {(Soak.Options.CloseDayEvery is { } every ? "every " + every.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s" : "never")}; "
            + $"issue p99 {Soak.Windows.First.P99:0.00} ms in the first {Soak.Windows.Window.TotalMinutes:0.##} min, {Soak.Windows.Last.P99:0.00} ms in the last; "
            + $"working set {Mib(Soak.AfterWarmUp?.WorkingSetBytes)} after warm-up, {Mib(Soak.AtEnd?.WorkingSetBytes)} at the end (after a forced GC); "
            + $"live managed heap {Mib(Soak.AfterWarmUp?.GcHeapBytes)} and {Mib(Soak.AtEnd?.GcHeapBytes)} (what the forced GC kept: a leak grows this, the collector's reserve does not)."));
        Describe(Soak.Prefix + ProductScenarios.Watchers, Soak.Watchers);
        return reports;

        static string Mib(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB" : "n/a";
    }

    /// <summary>The deep-line stream stops at its last sample, before its time limit: its rates are per second of the stream's real length.</summary>
    internal static ScenarioReport Rescaled(ScenarioReport report, double seconds, bool stoppedEarly)
    {
        if (!stoppedEarly || seconds <= 0)
        {
            return report;
        }

        StepReport Per(StepReport s) => s with { Rps = s.Requests / seconds, OkRps = s.Ok / seconds };
        return report with
        {
            Duration = TimeSpan.FromSeconds(seconds),
            Load = report.Load + string.Create(CultureInfo.InvariantCulture, $", stopped after {seconds:0.0} s once the deep sample was complete"),
            Total = Per(report.Total),
            Steps = [.. report.Steps.Select(Per)],
        };
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the run had already ended
        }
    }
}
