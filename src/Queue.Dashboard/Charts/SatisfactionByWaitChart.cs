using System.Globalization;
using Queue.Contracts.Analytics;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// 满意率 vs 等候时间: the share of ratings 4 or 5 among tickets whose wait (issue to first call) lay in each band,
/// one bar per band with its percentage and its count written on top; the axis runs 0–100%.
/// </summary>
public static class SatisfactionByWaitChart
{
    public static Plot Create(RatingsReport report, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(style);
        var plot = style.Create(style.T(
            $"满意率与等候时间 {report.From:MM-dd}–{report.To:MM-dd}", $"Satisfaction against wait {report.From:MM-dd}–{report.To:MM-dd}"));
        var bars = report.Bands.Select((b, i) => new Bar
        {
            Position = i,
            Value = b.Rated == 0 ? 0 : b.SatisfiedShare * 100,
            FillColor = style.Accent,
            Label = b.Rated == 0 ? "—" : $"{(b.SatisfiedShare * 100).ToString("0", CultureInfo.InvariantCulture)}% ({Count(b.Rated, style)})",
            LabelOnTop = true,
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.ForeColor = style.Ink;
        series.ValueLabelStyle.FontSize = style.ValueSize + 1;
        plot.Axes.Bottom.SetTicks([.. report.Bands.Select((_, i) => (double)i)], [.. report.Bands.Select(Band)]);
        plot.Axes.SetLimits(-0.6, report.Bands.Length - 0.4, 0, SatisfactionChart.MaxPercent);
        plot.XLabel(style.T("等候时间（分钟，取号到首次叫号）", "wait (minutes, issue to first call)"));
        plot.YLabel(style.T("满意率（%）", "satisfied (%)"));
        return plot;
    }

    private static string Band(WaitBand b) => b.ToMinutes is { } to ? $"{b.FromMinutes}–{to}" : $"{b.FromMinutes}+";

    private static string Count(int rated, ChartStyle style) => style.T($"{rated}条", $"n={rated}");
}
