using System.Globalization;
using Queue.Contracts.Analytics;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// 最多跑一次实现率 over a period, per day or month: one point per day or month whose visits include a known citizen (a
/// period with none has no point, never a 100%), joined by a line; the axis runs 0–100%; the hall's figure in the title.
/// </summary>
public static class OneTripChart
{
    public static Plot Create(OneTripReport report, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(style);
        var hall = report.Hall.Rate is { } rate ? $"{(rate * 100).ToString("0.0", CultureInfo.InvariantCulture)}%" : "—";
        var plot = style.Create(style.T(
            $"最多跑一次实现率 {report.From:MM-dd}–{report.To:MM-dd}（全厅 {hall}）",
            $"One-trip rate {report.From:MM-dd}–{report.To:MM-dd} (hall {hall})"));
        var rows = report.Rows.Select((r, i) => (Row: r, Index: i)).ToList();
        var known = rows.Where(r => r.Row.Rate is not null).ToList();
        if (known.Count > 0)
        {
            var line = plot.Add.Scatter(known.Select(r => (double)r.Index).ToArray(), known.Select(r => r.Row.Rate!.Value * 100).ToArray());
            line.LineWidth = 3;
            line.MarkerSize = 7;
            line.Color = style.Accent;
        }

        var step = Math.Max(1, (int)Math.Ceiling(rows.Count / 12.0));
        var ticks = rows.Where(r => r.Index % step == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(r => (double)r.Index)], [.. ticks.Select(r => Label(r.Row.Key))]);
        plot.Axes.SetLimits(-0.5, Math.Max(rows.Count - 0.5, 0.5), 0, SatisfactionChart.MaxPercent);
        plot.YLabel(style.T("一次办成（%，有身份的来访）", "in one trip (%, known citizens)"));
        return plot;
    }

    // A day as MM-dd, a month as yyyy-MM.
    private static string Label(string key) => key.Length == 10 ? key[5..] : key;
}
