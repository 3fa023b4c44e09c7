using System.Globalization;
using System.Security.Cryptography;
using Queue.LoadTests.Baselines;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Product;
using Queue.LoadTests.Reports;
using Queue.LoadTests.Http;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Cli;

/// <summary>
/// One run of a suite: the baselines (plaintext, then the bare hub), then the product — started here as a child
/// process unless --url names one — signed in as its administrator, with its halls, its scenarios
/// (<see cref="ProductSuite"/>), and the report with the ratios. Exit codes: 0 ran, 1 bad arguments, 3 the product
/// was not reached or refused the sign-in (the baselines are still reported).
/// </summary>
public sealed class SuiteRunner(CliOptions options, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken abort)
    {
        var wanted = ProductScenarios.Resolve(options.Scenarios);
        if (wanted.FirstOrDefault(n => !ProductScenarios.All.Contains(n)) is { } unknown)
        {
            await output.WriteLineAsync($"Unknown scenario '{unknown}'. Known: {string.Join(", ", ProductScenarios.All)}.");
            return 1;
        }

        var started = DateTimeOffset.Now;
        var suite = Suite.Named(options.Suite);
        var run = options.Progress ? LoadRunOptions.Console with { Progress = output } : LoadRunOptions.Quiet;
        var reports = new List<ScenarioReport>();
        var notes = new List<string>();
        var exit = 0;
        var watchers = options.Watchers ?? suite.HubWatchers;
        await using var baselines = await Baselines.StartAsync(options.ChildBaselines, abort);
        await output.WriteLineAsync($"Baselines at {baselines.Address} ({baselines.Mode}); suite {suite.Name}");
        notes.Add($"Baselines served by {baselines.Mode} at {baselines.Address}; suite {suite.Name}.");
        notes.Add("Load average (1, 5, 15 min) at the start: " + MachineInfo.LoadAverage() + " — other work may share this machine.");

        var plaintext = PlaintextBaseline.Create(baselines.Address, suite.ThroughputCopies).WithLoad(suite.Throughput).WithWarmUp(suite.WarmUp);
        reports.AddRange(await LoadRunner.RunAsync([plaintext], run, abort));
        var hub = new BareHubFanout(baselines.Address, watchers);
        reports.AddRange(await LoadRunner.RunAsync([hub.Create(suite.HubLoad).WithWarmUp(suite.WarmUp)], run, abort));
        if (hub.LateDeliveries > 0)
        {
            notes.Add($"The bare hub delivered {hub.LateDeliveries} pushes after their iteration stopped waiting.");
        }

        var big = wanted.Contains(ProductScenarios.Watchers20k) ? BigWatcherCount(suite, notes) : 0;
        BareHubFanout? bigHub = null;
        if (wanted.Contains(ProductScenarios.Watchers20k))
        {
            // The same count on the bare hub, for watchers-20k's call → phone goal; its connections close before the product's open.
            bigHub = new BareHubFanout(baselines.Address, big, BigHubName);
            try
            {
                reports.AddRange(await LoadRunner.RunAsync([bigHub.Create(suite.BigHubLoad).WithWarmUp(suite.WarmUp)], run with { SetupTimeout = TimeSpan.FromMinutes(20) }, abort));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !abort.IsCancellationRequested)
            {
                // Too many connections for this machine (open files, memory) must not cost the rest of the run.
                await output.WriteLineAsync($"{BigHubName} stopped: {ex.GetType().Name}: {ex.Message}");
                notes.Add($"{BigHubName} stopped while connecting {big} watchers: {ex.GetType().Name}: {ex.Message}");
                bigHub = null;
            }
        }

        ProductSuite? product = null;
        ProductProcess? process = null;
        string? startedToken = null;
        var target = options.Url?.ToString() ?? "(not started)";
        try
        {
            if (options.Url is null)
            {
                (process, startedToken) = await StartProductAsync(notes, abort);
            }

            var url = options.Url ?? process!.BaseAddress;
            target = url.ToString();
            var token = startedToken ?? await SignInAsync(url, abort);
            notes.Add($"Signed in as {(process is null ? options.User : ProductSignIn.Administrator)}: every product request and every board's hub connection carries "
                + "its bearer token; phones connect with none and watch their ticket by its key. Kiosks issue as this administrator "
                + "(channel Kiosk), whom the product does not rate-limit, rather than as kiosk devices (60 tickets a minute each by default).");
            var halls = options.Halls ?? ProductHalls.Ids(options.HallCount ?? suite.HallCount);
            using var connection = LoadHttp.Create(url, 8, token);
            if (options.Halls is null)
            {
                await ProductHalls.EnsureAsync(connection, halls, abort, aroundTheClock: process is not null);
            }

            if (process is not null)
            {
                notes.Add("The halls are open around the clock (00:00–23:59:59 every day, "
                    + "hours not enforced): they behave as in opening hours (every hall's forward wait prediction runs every "
                    + "10 s over its lines, and the SLA guardian) whatever hour the run starts.");
            }

            using var productTarget = await ProductTarget.ConnectAsync(url, halls, 2 * suite.ThroughputCopies + 64, token, abort);
            notes.Add($"Product halls: {halls.Count} ({string.Join(", ", halls.Take(3))}{(halls.Count > 3 ? ", …" : "")}).");
            product = new ProductSuite(productTarget, suite, watchers, run, process is null ? null : () => process.CpuTime)
            {
                BigWatcherCount = big,
                DeepLineOptions = options.DeepLineWaiting is { } deep ? suite.DeepLine.WithWaiting(deep) : suite.DeepLine,
                SoakOptions = new SoakOptions { Duration = TimeSpan.FromMinutes(options.SoakMinutes), CloseDayEvery = options.SoakCloseEvery },
                SoakRate = options.SoakRate,
            };
            reports.AddRange(await product.RunAsync(wanted, abort));
            notes.AddRange(product.Notes);
        }
        catch (Exception ex) when (ex is ProductUnavailableException or HttpRequestException or InvalidOperationException or TimeoutException or FileNotFoundException)
        {
            await output.WriteLineAsync($"Product scenarios stopped: {ex.Message}");
            notes.Add($"Product scenarios stopped: {ex.Message}");
            notes.AddRange(product?.Notes ?? []);
            notes.Add(process?.ExitDescription ?? "The product was still running.");
            exit = 3;
        }
        finally
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        notes.Add("Load average at the end: " + MachineInfo.LoadAverage() + ".");
        var report = new RunReport($"Queue load test — {suite.Name} suite", started, MachineInfo.Current(), target, reports,
            Ratios.Compute(reports, hub, product?.Watchers, baselines.InProcess, product?.Fanout,
                new GoalSources(bigHub, product?.BigWatchers, product?.DeepLine, product?.Soak)), notes);
        var files = await ReportWriter.WriteAsync(report, options.OutFolder(started), CancellationToken.None); // after Ctrl+C too: what was measured is kept
        await output.WriteLineAsync();
        await output.WriteLineAsync(MarkdownReport.Render(report));
        await output.WriteLineAsync("Report written: " + string.Join(", ", files));
        return exit;
    }

    public const string BigHubName = "baseline-hub-20k";

    /// <summary>
    /// watchers-20k's count: --big-watchers or the suite's, fitted to the open-file limit per process (each connection is a
    /// descriptor in the generator and one in the product or the baseline host); the note says when it was cut down.
    /// </summary>
    private int BigWatcherCount(Suite suite, List<string> notes)
    {
        var asked = options.BigWatchers ?? suite.BigWatchers;
        var limit = Push.OpenFiles.Limit();
        var fitted = Push.OpenFiles.Fit(asked, limit);
        if (fitted < asked)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"watchers-20k ran at {fitted:N0} watchers, not {asked:N0}: the open-file limit here is {limit:N0} descriptors per process ")
                + string.Create(CultureInfo.InvariantCulture, $"(RLIMIT_NOFILE; each connection needs one in the generator and one in the server), less {Push.OpenFiles.Reserve:N0} kept for the rest. ")
                + "Raise the hard limit (ulimit -Hn, or LimitNOFILE / --ulimit nofile= for a service or container) to run the full count.");
        }

        return fitted;
    }

    /// <summary>At --url: signs in once as --user with --password (or QUEUE_ADMIN_PASSWORD).</summary>
    private async Task<string> SignInAsync(Uri url, CancellationToken abort)
    {
        var password = options.Password ?? throw new ProductUnavailableException(
            $"The product at {url} needs a sign-in: give the password of {options.User} with --password or {ProductSignIn.PasswordVariable}.");
        using var anonymous = LoadHttp.Create(url, 1);
        return await ProductSignIn.SignInAsync(anonymous, options.User, password, abort);
    }

    /// <summary>
    /// The product as a child process (the shared launcher): this configuration's build of Queue.Dashboard, a fresh
    /// SQLite file, free loopback ports, the simulator off, the demo hall seeded and a random password for its first
    /// administrator (never printed), who signs in once the demo hall answers. Answers the process and the token.
    /// </summary>
    private async Task<(ProductProcess Process, string Token)> StartProductAsync(List<string> notes, CancellationToken abort)
    {
        var password = "load-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var process = await ProductProcess.StartAsync(
            new ProductOptions
            {
                ReadyPath = "/api/halls/binjiang",
                StartupLimit = TimeSpan.FromSeconds(120),
                Environment = new Dictionary<string, string>
                {
                    ["Queue__SeedDemoHall"] = "true",
                    ["Queue__DemoOpeningCalendar"] = "false", // the surges issue demo tickets at any hour of any day
                    ["Queue__Security__AdministratorPassword"] = password,
                    // The tests' row check re-encodes every row of a line at every write (O(line)): a test aid, off in production and here.
                    ["Queue__Storage__VerifyRows"] = "false",
                },
            },
            abort);
        try
        {
            var token = await process.SignInAsync(ProductSignIn.Administrator, password, abort);
            await output.WriteLineAsync($"Product started: process {process.ProcessId} at {process.BaseAddress}");
            notes.Add($"Product started by the tool: dotnet Queue.Dashboard.dll (this configuration's build), process {process.ProcessId} at {process.BaseAddress}, fresh SQLite file, simulator off, the tests' row check off (as in production), a random administrator password; stopped at the end.");
            return (process, token);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
