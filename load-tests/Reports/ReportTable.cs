using System.Globalization;
using Queue.LoadTests.Engine;

namespace Queue.LoadTests.Reports;

/// <summary>The cells every format shares, formatted once (invariant culture), so Markdown, CSV and HTML agree.</summary>
public static class ReportTable
{
    public static IReadOnlyList<string> Header { get; } =
        ["scenario", "step", "ok", "fail", "rps", "ok_rps", "mean_ms", "p50_ms", "p75_ms", "p95_ms", "p99_ms", "max_ms", "failures"];

    public static IReadOnlyList<string> RatioHeader { get; } = ["ratio", "ours", "baseline", "unit", "value", "goal", "met", "note"];

    /// <summary>The goals table of report.md: issue 15's goals, each met or not.</summary>
    public static IReadOnlyList<string> GoalHeader { get; } = ["measure", "goal", "measured", "ratio", "met?"];

    public static IEnumerable<IReadOnlyList<string>> Rows(ScenarioReport scenario) =>
        new[] { scenario.Total }.Concat(scenario.Steps).Select(step => Row(scenario.Name, step));

    public static IReadOnlyList<string> Row(string scenario, StepReport step) =>
    [
        scenario,
        step.Name,
        step.Ok.ToString(CultureInfo.InvariantCulture),
        step.Fail.ToString(CultureInfo.InvariantCulture),
        Number(step.Rps, 1),
        Number(step.OkRps, 1),
        Number(step.Latency.Mean, 2),
        Number(step.Latency.P50, 2),
        Number(step.Latency.P75, 2),
        Number(step.Latency.P95, 2),
        Number(step.Latency.P99, 2),
        Number(step.Latency.Max, 2),
        string.Join("; ", step.Failures.Select(f => $"{f.Key}: {f.Value}")),
    ];

    public static IReadOnlyList<string> Row(Ratio ratio) =>
    [
        ratio.Name,
        ratio.Ours is { } o ? Number(o, 2) : "n/a",
        ratio.Baseline is { } b ? Number(b, 2) : "n/a",
        ratio.Unit,
        ratio.Value is { } v ? Number(v, 3) : "n/a",
        ratio.Goal,
        Met(ratio.Met),
        ratio.Note,
    ];

    public static IReadOnlyList<string> GoalRow(Ratio ratio) =>
    [
        ratio.Name,
        ratio.Goal,
        ratio.Ours is null ? "n/a" : ratio.Baseline is { } b
            ? $"{Number(ratio.Ours.Value, 2)} vs {Number(b, 2)} {ratio.Unit}"
            : $"{Number(ratio.Ours.Value, 2)} {ratio.Unit}",
        ratio.Value is { } v ? Number(v, 3) : "n/a",
        Met(ratio.Met),
    ];

    public static string Met(bool? met) => met switch
    {
        true => "yes",
        false => "no",
        null => "n/a",
    };

    public static string Number(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
