using Queue.LoadTests.Baselines;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Reports;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Cli;

/// <summary>
/// One run of a suite: the baselines (plaintext, then the bare hub), then the product — its maximum ticket
/// rate (closed model), then a morning (kiosks in the open model and staff at the windows together) — and the
/// report with the ratios. Exit codes: 0 ran, 1 bad arguments, 2 an unavailable scenario was asked for,
/// 3 the product was not reached (the baselines are still measured and reported).
/// </summary>
public sealed class SuiteRunner(CliOptions options, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken abort)
    {
        var wanted = options.Scenarios ?? [.. ProductScenarios.All.Where(ProductScenarios.IsAvailable)];
        if (wanted.FirstOrDefault(n => !ProductScenarios.All.Contains(n)) is { } unknown)
        {
            await output.WriteLineAsync($"Unknown scenario '{unknown}'. Known: {string.Join(", ", ProductScenarios.All)}.");
            return 1;
        }

        if (wanted.Any(n => !ProductScenarios.IsAvailable(n)))
        {
            await output.WriteLineAsync(ProductScenarios.WatchersUnavailable + ".");
            return 2;
        }

        var started = DateTimeOffset.Now;
        var suite = Suite.Named(options.Suite);
        var run = options.Progress ? LoadRunOptions.Console with { Progress = output } : LoadRunOptions.Quiet;
        var reports = new List<ScenarioReport>();
        var notes = new List<string>();
        var exit = 0;
        await using var baselines = await Baselines.StartAsync(options.ChildBaselines, abort);
        await output.WriteLineAsync($"Baselines at {baselines.Address} ({baselines.Mode}); suite {suite.Name}; product at {options.Url}");
        notes.Add($"Baselines served by {baselines.Mode} at {baselines.Address}; suite {suite.Name}.");

        var plaintext = PlaintextBaseline.Create(baselines.Address, suite.ThroughputCopies).WithLoad(suite.Throughput).WithWarmUp(suite.WarmUp);
        reports.AddRange(await LoadRunner.RunAsync([plaintext], run, abort));
        var hub = new BareHubFanout(baselines.Address, options.Watchers ?? suite.HubWatchers);
        reports.AddRange(await LoadRunner.RunAsync([hub.Create(suite.HubLoad).WithWarmUp(suite.WarmUp)], run, abort));
        if (hub.LateDeliveries > 0)
        {
            notes.Add($"The bare hub delivered {hub.LateDeliveries} pushes after their iteration stopped waiting.");
        }

        try
        {
            using var product = await ProductTarget.ConnectAsync(options.Url, options.Halls, 2 * suite.ThroughputCopies + 64, abort);
            reports.AddRange(await RunProductAsync(product, suite, wanted, run, abort));
        }
        catch (ProductUnavailableException ex)
        {
            await output.WriteLineAsync($"Product scenarios skipped: {ex.Message}");
            notes.Add($"Product scenarios not run: {ex.Message}");
            exit = 3;
        }

        notes.Add(ProductScenarios.WatchersUnavailable + ".");
        var report = new RunReport($"Queue load test — {suite.Name} suite", started, MachineInfo.Current(), options.Url.ToString(), reports,
            Ratios.Compute(reports, hub, baselines.InProcess), notes);
        var files = await ReportWriter.WriteAsync(report, options.OutFolder(started), abort);
        await output.WriteLineAsync();
        await output.WriteLineAsync(MarkdownReport.Render(report));
        await output.WriteLineAsync("Report written: " + string.Join(", ", files));
        return exit;
    }

    private static async Task<IReadOnlyList<ScenarioReport>> RunProductAsync(ProductTarget product, Suite suite, IReadOnlyList<string> wanted, LoadRunOptions run, CancellationToken abort)
    {
        var reports = new List<ScenarioReport>();
        var kiosk = new KioskSurge(product);
        if (wanted.Contains(ProductScenarios.KioskSurge))
        {
            reports.AddRange(await LoadRunner.RunAsync([kiosk.Create(Ratios.KioskMax, suite.Throughput).WithWarmUp(suite.WarmUp)], run, abort));
        }

        var morning = new List<Scenario>();
        if (wanted.Contains(ProductScenarios.KioskSurge))
        {
            morning.Add(kiosk.Create(ProductScenarios.KioskSurge, suite.KioskMorning).WithWarmUp(suite.WarmUp));
        }

        if (wanted.Contains(ProductScenarios.WindowStaff))
        {
            var staff = new WindowStaff(product, new WindowStaffOptions { ServiceTimeScale = suite.ServiceTimeScale });
            var windows = Math.Min(suite.StaffWindows, staff.Windows);
            morning.Add(staff.Create(ProductScenarios.WindowStaff, LoadSimulation.KeepConstant(windows, suite.StaffDuration)).WithWarmUp(suite.WarmUp));
        }

        if (morning.Count > 0)
        {
            reports.AddRange(await LoadRunner.RunAsync(morning, run, abort));
        }

        return reports;
    }
}
