using System.Diagnostics;
using System.Globalization;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Cli;

/// <summary>
/// The product's part of a suite, in order: the watchers alone (boards and phones over all halls at the bare hub's
/// watcher count), the same count as boards of one hall at the bare hub's push rate (like for like), the maximum
/// ticket rate (kiosks, closed model, same copies as plaintext), then the province morning — kiosks in the open model
/// across the halls, staff at the windows and watchers, all at once. Window staff alone runs only without the morning.
/// Issue 15's scenarios (ProductSuite.Goals.cs) fit in between: watchers-20k after the fan-out, issue-deep-line after
/// the maximum ticket rate, and the soak last.
/// </summary>
public sealed partial class ProductSuite(ProductTarget product, Suite suite, int watchers, LoadRunOptions run, Func<TimeSpan>? productCpu = null)
{
    public const string MorningPrefix = "morning/";

    /// <summary>A product using less than this share of a core over a second is quiet enough to measure.</summary>
    private const double QuietShare = 0.15;

    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(90);

    /// <summary>The standalone watchers run, for the ratios; null when it was not selected.</summary>
    public WatchersScenario? Watchers { get; private set; }

    /// <summary>The like-for-like fan-out run (one hall, boards only); null when it was not selected.</summary>
    public WatchersScenario? Fanout { get; private set; }

    public List<string> Notes { get; } = [];

    public async Task<IReadOnlyList<ScenarioReport>> RunAsync(IReadOnlyList<string> wanted, CancellationToken abort)
    {
        var reports = new List<ScenarioReport>();
        if (wanted.Contains(ProductScenarios.Watchers))
        {
            Watchers = new WatchersScenario();
            var scenario = Watchers.Create(ProductScenarios.Watchers, product, watchers, suite.WatcherCalls).WithWarmUp(suite.WarmUp);
            reports.AddRange(await TimedAsync([scenario], abort));
            Describe(ProductScenarios.Watchers, Watchers);
        }

        if (wanted.Contains(ProductScenarios.WatchersFanout))
        {
            // One hall, every watcher a board, calls at the bare hub's broadcast rate: the same deliveries per second.
            Fanout = new WatchersScenario(new WatchersOptions { BoardShare = 1, Tickets = 400, WindowsPerHall = 20 }); // enough windows that none waits for the last call's pushes
            var oneHall = new ProductTarget(product.Client, [product.Halls[0]]); // shares the client: not disposed here
            var scenario = Fanout.Create(ProductScenarios.WatchersFanout, oneHall, watchers, suite.HubLoad).WithWarmUp(suite.WarmUp);
            reports.AddRange(await TimedAsync([scenario], abort));
            Describe(ProductScenarios.WatchersFanout, Fanout);
        }

        if (wanted.Contains(ProductScenarios.Watchers20k))
        {
            reports.AddRange(await RunBigWatchersAsync(abort));
        }

        var kiosk = new KioskSurge(product);
        if (wanted.Contains(ProductScenarios.KioskSurge))
        {
            reports.AddRange(await TimedAsync([kiosk.Create(Ratios.KioskMax, suite.Throughput).WithWarmUp(suite.WarmUp).WithClean(kiosk.CloseDaysAsync)], abort));
        }

        if (wanted.Contains(ProductScenarios.DeepLine))
        {
            reports.Add(await RunDeepLineAsync(abort));
        }

        var morning = wanted.Contains(ProductScenarios.Morning);
        if (morning)
        {
            var watching = new WatchersScenario();
            var calls = suite.WatcherCalls.FirstOrDefault()?.Target ?? 1;
            var windowsUsed = product.Halls.SelectMany(h => WatcherWindow.Of(h, new WatchersOptions().WindowsPerHall)).Select(w => w.WindowNo).ToHashSet();
            var staff = new WindowStaff(product, new WindowStaffOptions { ServiceTimeScale = suite.ServiceTimeScale, ExcludedWindows = windowsUsed });
            Scenario[] mix =
            [
                watching.Create(MorningPrefix + ProductScenarios.Watchers, product, suite.MorningWatchers, LoadSimulation.Inject(calls, TimeSpan.FromSeconds(1), suite.MorningDuration)),
                kiosk.Create(MorningPrefix + ProductScenarios.KioskSurge, suite.KioskMorning),
                staff.Create(MorningPrefix + ProductScenarios.WindowStaff, LoadSimulation.KeepConstant(Math.Min(suite.StaffWindows, staff.Windows), suite.MorningDuration)),
            ];
            reports.AddRange(await TimedAsync([.. mix.Select(s => s.WithWarmUp(suite.WarmUp))], abort));
            Describe(MorningPrefix + ProductScenarios.Watchers, watching);
        }
        else if (wanted.Contains(ProductScenarios.WindowStaff))
        {
            var staff = new WindowStaff(product, new WindowStaffOptions { ServiceTimeScale = suite.ServiceTimeScale });
            var windows = Math.Min(suite.StaffWindows, staff.Windows);
            reports.AddRange(await TimedAsync([staff.Create(ProductScenarios.WindowStaff, LoadSimulation.KeepConstant(windows, suite.StaffDuration)).WithWarmUp(suite.WarmUp)], abort));
        }

        if (wanted.Contains(ProductScenarios.Soak))
        {
            reports.AddRange(await RunSoakAsync(kiosk, reports, abort));
        }

        return reports;
    }

    /// <summary>Runs scenarios together and notes the CPU the product and this generator used meanwhile (setup included).</summary>
    private async Task<IReadOnlyList<ScenarioReport>> TimedAsync(IReadOnlyList<Scenario> scenarios, CancellationToken abort, LoadRunOptions? options = null)
    {
        await SettleAsync(scenarios, abort);
        var productBefore = productCpu?.Invoke();
        var generatorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var reports = await LoadRunner.RunAsync(scenarios, options ?? run, abort);
        var generator = (Process.GetCurrentProcess().TotalProcessorTime - generatorBefore).TotalSeconds;
        var used = productBefore is { } before ? string.Create(CultureInfo.InvariantCulture, $"product {(productCpu!() - before).TotalSeconds:0.0} s, ") : "";
        Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"CPU during {string.Join(" + ", scenarios.Select(s => s.Name))} (setup included): {used}generator {generator:0.0} s, in {wall.Elapsed.TotalSeconds:0.0} s wall ({Environment.ProcessorCount} cores)."));
        return reports;
    }

    /// <summary>
    /// Waits until the product is quiet (under <see cref="QuietShare"/> of a core over a second), at most
    /// <see cref="SettleLimit"/>: what an earlier scenario left behind (its relays catching up on a day close of
    /// thousands of tickets, say) should not be measured as this one's cost. Notes how long it took.
    /// </summary>
    private async Task SettleAsync(IReadOnlyList<Scenario> scenarios, CancellationToken abort)
    {
        if (productCpu is null)
        {
            return;
        }

        var waited = Stopwatch.StartNew();
        double share;
        do
        {
            var before = productCpu();
            await Task.Delay(TimeSpan.FromSeconds(1), abort);
            share = (productCpu() - before).TotalSeconds;
        }
        while (share > QuietShare && waited.Elapsed < SettleLimit);

        if (waited.Elapsed > TimeSpan.FromSeconds(1.5))
        {
            Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Before {string.Join(" + ", scenarios.Select(s => s.Name))}: the product settled in {waited.Elapsed.TotalSeconds:0} s ({share:P0} of a core over the last second; the limit is {SettleLimit.TotalSeconds:0} s)."));
        }
    }

    private void Describe(string name, WatchersScenario scenario)
    {
        var memory = scenario.MemoryPerWatcher is { } m
            ? string.Create(CultureInfo.InvariantCulture, $"; product memory per watcher {m.WorkingSetBytes / 1024:0.0} KiB working set, {m.ManagedBytes / 1024:0.0} KiB managed heap (after a forced GC, before and after connecting)")
            : "";
        Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {scenario.Boards} boards (WatchHall, spread over {scenario.Halls} halls) and {scenario.Phones} phones (WatchTicket on a waiting ticket each){memory}; "
            + $"{scenario.LateDeliveries} pushes arrived after their call stopped waiting; {scenario.IdleCalls} calls found nobody waiting."));
    }
}
