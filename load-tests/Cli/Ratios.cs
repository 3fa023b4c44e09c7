using System.Globalization;
using Queue.LoadTests.Baselines;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Reports;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Cli;

/// <summary>The issue's ratios (ours ÷ baseline, same run, same machine), each with its goal, and the error counts.</summary>
public static class Ratios
{
    public const string KioskMax = "kiosk-surge-max";

    /// <summary>The morning's goal: p99 of issue under this many ms.</summary>
    public const double MorningIssueP99Ms = 50;

    public static IReadOnlyList<Ratio> Compute(
        IReadOnlyList<ScenarioReport> reports, BareHubFanout? hub, WatchersScenario? watchers, bool hubInProcess, WatchersScenario? fanout = null, GoalSources? goals = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var plaintext = reports.FirstOrDefault(r => r.Name == PlaintextBaseline.Name);
        var kiosk = reports.FirstOrDefault(r => r.Name == KioskMax);
        var issue = kiosk is null || plaintext is null
            ? new Ratio("durable ticket issue RPS ÷ plaintext RPS", null, plaintext?.Total.OkRps, "ok req/s", "≥ 0.10",
                kiosk is null ? "kiosk-surge-max did not run (product not reached or not selected)" : "plaintext baseline did not run")
            : new Ratio("durable ticket issue RPS ÷ plaintext RPS", kiosk.Total.OkRps, plaintext.Total.OkRps, "ok req/s", "≥ 0.10",
                string.Create(CultureInfo.InvariantCulture, $"both closed model, {kiosk.Load}; 0.30 is the goal after this round"));
        issue = issue with { IsGoal = true };

        var hubDelivery = reports.FirstOrDefault(r => r.Name == BareHubFanout.Name)?.Steps.FirstOrDefault(s => s.Name == BareHubFanout.DeliveryStep);
        var phone = reports.FirstOrDefault(r => r.Name == ProductScenarios.Watchers)?.Steps.FirstOrDefault(s => s.Name == WatchersScenario.PhoneStep);
        var count = hub is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{hub.Watchers} watchers on both sides");
        var mix = watchers is null ? "; the watchers scenario did not run" : string.Create(CultureInfo.InvariantCulture, $" (ours: {watchers.Boards} boards + {watchers.Phones} phones)");
        var call = new Ratio("call → phone p99 ÷ bare hub p99", phone is { Ok: > 0 } ? phone.Latency.P99 : null, hubDelivery?.Latency.P99, "ms", "(≤ 1.2)",
            count + mix + "; the goal is checked at 20,000 watchers (watchers-20k)");
        var board = reports.FirstOrDefault(r => r.Name == ProductScenarios.WatchersFanout)?.Steps.FirstOrDefault(s => s.Name == WatchersScenario.BoardStep);
        var alike = new Ratio("call → board p99 ÷ bare hub p99, like for like", board is { Ok: > 0 } ? board.Latency.P99 : null, hubDelivery?.Latency.P99, "ms", "≤ 2",
            fanout is null ? "watchers-fanout did not run" : string.Create(CultureInfo.InvariantCulture,
                $"{fanout.Boards} boards of one hall, each call pushed to all of them at the bare hub's broadcast rate: the same deliveries per second")) { IsGoal = true };
        var inProcess = hubInProcess ? " In-process baselines: the bare hub's figure includes the client connections; use --baselines child." : "";
        var memory = new Ratio("memory per watcher ÷ bare hub", watchers?.MemoryPerWatcher?.WorkingSetBytes / 1024, hub?.MemoryPerWatcher?.WorkingSetBytes / 1024,
            "KiB working set", "≤ 1.5", "growth of the server's working set while the watchers connected, after a forced GC, ÷ watchers." + inProcess);
        var managed = new Ratio("managed heap per watcher ÷ bare hub", watchers?.MemoryPerWatcher?.ManagedBytes / 1024, hub?.MemoryPerWatcher?.ManagedBytes / 1024,
            "KiB managed heap", "(≤ 1.5)", "the same, managed heap only (the part the server's code decides)." + inProcess);
        static long Errors(IEnumerable<ScenarioReport> of) => of.Sum(r => Math.Max(r.Total.Fail, r.Steps.Sum(s => s.Fail)));
        var baselineNames = new[] { PlaintextBaseline.Name, BareHubFanout.Name, SuiteRunner.BigHubName };
        var errors = new Ratio("errors: product ÷ baselines", Errors(reports.Where(r => !baselineNames.Contains(r.Name))), Errors(reports.Where(r => baselineNames.Contains(r.Name))),
            "failed requests and deliveries", "0 errors", "counts, not a ratio: every failed request, timeout and undelivered push (or failed iteration when no step failed), per side");
        return [issue, .. Goals(reports, goals ?? new GoalSources(null, null, null, null)), call, alike, memory, managed, errors];
    }

    /// <summary>Issue 15's other goals: the deep line, call → phone at 20,000 watchers, the morning's p99 of issue, the soak's three.</summary>
    public static IReadOnlyList<Ratio> Goals(IReadOnlyList<ScenarioReport> reports, GoalSources goals)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(goals);
        var ratios = new List<Ratio>();
        var line = goals.DeepLine;
        ratios.Add(new Ratio("issue rate, deep line ÷ empty line", line?.Milestones.DeepRate, line?.Milestones.EmptyRate, "tickets/s", "≥ 0.9",
            line is null ? "issue-deep-line did not run" : string.Create(CultureInfo.InvariantCulture,
                $"{line.Options.Clients} clients into one theme; {line.Milestones.Sample:N0} tickets after the first {line.Milestones.Offset} (a nearly empty line) vs {line.Milestones.Sample:N0} after {line.Milestones.Deep:N0} waiting")) { IsGoal = true });

        var hub = reports.FirstOrDefault(r => r.Name == SuiteRunner.BigHubName)?.Steps.FirstOrDefault(s => s.Name == BareHubFanout.DeliveryStep);
        var phone = reports.FirstOrDefault(r => r.Name == ProductScenarios.Watchers20k)?.Steps.FirstOrDefault(s => s.Name == WatchersScenario.PhoneStep);
        var big = goals.BigWatchers;
        ratios.Add(new Ratio("call → phone p99 ÷ bare hub p99, 20,000 watchers", phone is { Ok: > 0 } ? phone.Latency.P99 : null, hub?.Latency.P99, "ms", "≤ 1.2",
            big is null || goals.BigHub is null ? "watchers-20k did not run" : string.Create(CultureInfo.InvariantCulture,
                $"{goals.BigHub.Watchers:N0} watchers on both sides (ours: {big.Boards:N0} boards + {big.Phones:N0} phones){(goals.BigHub.Watchers < 20_000 ? "; the goal is at 20,000" : "")}")) { IsGoal = true });

        var morning = reports.FirstOrDefault(r => r.Name == ProductSuite.MorningPrefix + ProductScenarios.KioskSurge)?.Steps.FirstOrDefault(s => s.Name == KioskSurge.StepName);
        ratios.Add(new Ratio("province morning, p99 of issue", morning is { Ok: > 0 } ? morning.Latency.P99 : null, MorningIssueP99Ms, "ms",
            string.Create(CultureInfo.InvariantCulture, $"< {MorningIssueP99Ms} ms"),
            morning is null ? "province-morning did not run" : "an absolute goal; the ratio is to the 50 ms limit") { IsGoal = true });

        var soak = goals.Soak;
        var ran = soak is null ? "the soak did not run (--scenarios soak)" : null;
        ratios.Add(new Ratio("soak: p99 of issue, last ÷ first window", soak?.Windows.Last.P99 > 0 ? soak.Windows.Last.P99 : null, soak?.Windows.First.P99, "ms", "≤ 1.3",
            ran ?? string.Create(CultureInfo.InvariantCulture, $"windows of {soak!.Windows.Window.TotalMinutes:0.##} min at the start and end of {soak.Options.Duration.TotalMinutes:0.##} min at {soak.Options.Rate}/s")) { IsGoal = true });
        ratios.Add(new Ratio("soak: working set, end ÷ after warm-up", soak?.AtEnd?.WorkingSetBytes / 1048576.0, soak?.AfterWarmUp?.WorkingSetBytes / 1048576.0, "MiB", "≤ 1.10",
            ran ?? "the product's working set after a forced GC, at the end of the first window and shortly before the end") { IsGoal = true });
        static long Errors(IEnumerable<ScenarioReport> of) => of.Sum(r => Math.Max(r.Total.Fail, r.Steps.Sum(s => s.Fail)));
        ratios.Add(new Ratio("soak: errors", soak is null ? null : Errors(reports.Where(r => r.Name.StartsWith(Soak.Prefix, StringComparison.Ordinal))), null, "failed requests and deliveries", "0 errors",
            ran ?? "every failed request, timeout and undelivered push of the soak's scenarios") { IsGoal = true });
        return ratios;
    }
}
