using System.Globalization;
using Queue.LoadTests.Baselines;
using Queue.LoadTests.Engine;
using Queue.LoadTests.Reports;
using Queue.LoadTests.Scenarios;

namespace Queue.LoadTests.Cli;

/// <summary>The issue's ratios (ours ÷ baseline, same run, same machine), each with its goal.</summary>
public static class Ratios
{
    public const string KioskMax = "kiosk-surge-max";

    public static IReadOnlyList<Ratio> Compute(IReadOnlyList<ScenarioReport> reports, BareHubFanout? hub, bool hubInProcess)
    {
        var plaintext = reports.FirstOrDefault(r => r.Name == PlaintextBaseline.Name);
        var kiosk = reports.FirstOrDefault(r => r.Name == KioskMax);
        var issue = kiosk is null || plaintext is null
            ? new Ratio("durable ticket issue RPS ÷ plaintext RPS", null, plaintext?.Total.OkRps, "ok req/s", "≥ 0.30",
                kiosk is null ? "kiosk-surge-max did not run (product not reached or not selected)" : "plaintext baseline did not run")
            : new Ratio("durable ticket issue RPS ÷ plaintext RPS", kiosk.Total.OkRps, plaintext.Total.OkRps, "ok req/s", "≥ 0.30",
                string.Create(CultureInfo.InvariantCulture, $"both closed model, {kiosk.Load}"));

        var delivery = reports.FirstOrDefault(r => r.Name == BareHubFanout.Name)?.Steps.FirstOrDefault(s => s.Name == BareHubFanout.DeliveryStep);
        var watchers = hub is null ? "" : string.Create(CultureInfo.InvariantCulture, $" Bare hub measured at {hub.Watchers} watchers.");
        var call = new Ratio("call → phone p99 ÷ bare hub p99", null, delivery?.Latency.P99, "ms", "≤ 1.2", ProductScenarios.WatchersUnavailable + "." + watchers);
        var perWatcher = hub?.MemoryPerWatcher?.WorkingSetBytes / 1024;
        var memoryNote = ProductScenarios.WatchersUnavailable + "." + watchers
            + (hubInProcess ? " In-process baselines: the figure includes the client connections; use --baselines child." : "");
        var memory = new Ratio("memory per watcher ÷ bare hub", null, perWatcher, "KiB working set", "≤ 1.5", memoryNote);
        return [issue, call, memory];
    }
}
