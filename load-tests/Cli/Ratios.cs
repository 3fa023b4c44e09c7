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

    public static IReadOnlyList<Ratio> Compute(IReadOnlyList<ScenarioReport> reports, BareHubFanout? hub, WatchersScenario? watchers, bool hubInProcess, WatchersScenario? fanout = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var plaintext = reports.FirstOrDefault(r => r.Name == PlaintextBaseline.Name);
        var kiosk = reports.FirstOrDefault(r => r.Name == KioskMax);
        var issue = kiosk is null || plaintext is null
            ? new Ratio("durable ticket issue RPS ÷ plaintext RPS", null, plaintext?.Total.OkRps, "ok req/s", "≥ 0.30",
                kiosk is null ? "kiosk-surge-max did not run (product not reached or not selected)" : "plaintext baseline did not run")
            : new Ratio("durable ticket issue RPS ÷ plaintext RPS", kiosk.Total.OkRps, plaintext.Total.OkRps, "ok req/s", "≥ 0.30",
                string.Create(CultureInfo.InvariantCulture, $"both closed model, {kiosk.Load}"));

        var hubDelivery = reports.FirstOrDefault(r => r.Name == BareHubFanout.Name)?.Steps.FirstOrDefault(s => s.Name == BareHubFanout.DeliveryStep);
        var phone = reports.FirstOrDefault(r => r.Name == ProductScenarios.Watchers)?.Steps.FirstOrDefault(s => s.Name == WatchersScenario.PhoneStep);
        var count = hub is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{hub.Watchers} watchers on both sides");
        var mix = watchers is null ? "; the watchers scenario did not run" : string.Create(CultureInfo.InvariantCulture, $" (ours: {watchers.Boards} boards + {watchers.Phones} phones)");
        var call = new Ratio("call → phone p99 ÷ bare hub p99", phone is { Ok: > 0 } ? phone.Latency.P99 : null, hubDelivery?.Latency.P99, "ms", "≤ 1.2", count + mix);
        var board = reports.FirstOrDefault(r => r.Name == ProductScenarios.WatchersFanout)?.Steps.FirstOrDefault(s => s.Name == WatchersScenario.BoardStep);
        var alike = new Ratio("call → board p99 ÷ bare hub p99, like for like", board is { Ok: > 0 } ? board.Latency.P99 : null, hubDelivery?.Latency.P99, "ms", "(≤ 1.2)",
            fanout is null ? "watchers-fanout did not run" : string.Create(CultureInfo.InvariantCulture,
                $"{fanout.Boards} boards of one hall, each call pushed to all of them at the bare hub's broadcast rate: the same deliveries per second"));
        var inProcess = hubInProcess ? " In-process baselines: the bare hub's figure includes the client connections; use --baselines child." : "";
        var memory = new Ratio("memory per watcher ÷ bare hub", watchers?.MemoryPerWatcher?.WorkingSetBytes / 1024, hub?.MemoryPerWatcher?.WorkingSetBytes / 1024,
            "KiB working set", "≤ 1.5", "growth of the server's working set while the watchers connected, after a forced GC, ÷ watchers." + inProcess);
        var managed = new Ratio("managed heap per watcher ÷ bare hub", watchers?.MemoryPerWatcher?.ManagedBytes / 1024, hub?.MemoryPerWatcher?.ManagedBytes / 1024,
            "KiB managed heap", "(≤ 1.5)", "the same, managed heap only (the part the server's code decides)." + inProcess);
        static long Errors(IEnumerable<ScenarioReport> of) => of.Sum(r => Math.Max(r.Total.Fail, r.Steps.Sum(s => s.Fail)));
        var baselineNames = new[] { PlaintextBaseline.Name, BareHubFanout.Name };
        var errors = new Ratio("errors: product ÷ baselines", Errors(reports.Where(r => !baselineNames.Contains(r.Name))), Errors(reports.Where(r => baselineNames.Contains(r.Name))),
            "failed requests and deliveries", "0 errors", "counts, not a ratio: every failed request, timeout and undelivered push (or failed iteration when no step failed), per side");
        return [issue, call, alike, memory, managed, errors];
    }
}
