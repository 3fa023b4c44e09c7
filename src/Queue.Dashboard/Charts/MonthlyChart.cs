using System.Collections.Immutable;
using Queue.Dashboard.Api;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// The monthly report's day charts (月度报告): <c>monthly-volumes</c> (tickets issued and completed per day, bars),
/// <c>monthly-waits</c> (average and longest wait per day, minutes) and <c>monthly-compliance</c> (the share called within
/// the 30-minute target per day, 0–100%). A day without calls has no wait or compliance point, never a zero.
/// </summary>
public static class MonthlyChart
{
    public static readonly string[] Names = ["monthly-volumes", "monthly-waits", "monthly-compliance"];

    public static Plot Create(string name, string month, ImmutableArray<MonthlyDay> days, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var xs = days.Select((_, i) => (double)(i + 1)).ToArray();
        Plot plot;
        switch (name)
        {
            case "monthly-volumes":
                plot = style.Create(style.T($"{month} 每日取号与办结", $"{month} tickets issued and completed per day"));
                var issued = plot.Add.Bars(xs.Select(x => x - 0.2).ToArray(), days.Select(d => (double)d.Issued).ToArray());
                var done = plot.Add.Bars(xs.Select(x => x + 0.2).ToArray(), days.Select(d => (double)d.Completed).ToArray());
                foreach (var bar in issued.Bars) { bar.Size = 0.4; bar.FillColor = style.Accent; }
                foreach (var bar in done.Bars) { bar.Size = 0.4; bar.FillColor = Color.FromHex("#7aa7d9"); }
                issued.LegendText = style.T("取号", "issued");
                done.LegendText = style.T("办结", "completed");
                plot.ShowLegend(Alignment.UpperRight);
                plot.Axes.SetLimitsY(0, Math.Max(1, days.Select(d => (double)d.Issued).DefaultIfEmpty(0).Max() * 1.15));
                plot.YLabel(style.T("人次", "tickets"));
                break;
            case "monthly-waits":
                plot = style.Create(style.T($"{month} 每日等待时间", $"{month} waits per day"));
                Line(plot, days, d => d.AverageWaitSeconds / 60, style.Accent, style.T("平均", "average"));
                Line(plot, days, d => d.MaxWaitSeconds / 60, Color.FromHex("#c2410c"), style.T("最长", "longest"));
                plot.ShowLegend(Alignment.UpperRight);
                plot.Axes.SetLimitsY(0, Math.Max(10, days.Select(d => d.MaxWaitSeconds / 60).DefaultIfEmpty(0).Max() * 1.15));
                plot.YLabel(style.T("分钟", "minutes"));
                break;
            default:
                plot = style.Create(style.T($"{month} 30分钟达标率", $"{month} called within 30 minutes"));
                Line(plot, days, d => d.OnTimeShare * 100, style.Accent, null);
                plot.Axes.SetLimitsY(0, SatisfactionChart.MaxPercent);
                plot.YLabel(style.T("达标率（%）", "on time (%)"));
                break;
        }

        var ticks = days.Select((d, i) => (d, i)).Where(p => p.i % 2 == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(p => (double)(p.i + 1))], [.. ticks.Select(p => p.d.Date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(0.4, Math.Max(days.Length, 1) + 0.6);
        plot.XLabel(style.T("日", "day"));
        plot.Axes.Bottom.Label.FontSize = style.LabelSize;
        return plot;
    }

    // Days without calls are left out of a line (no wait, no share to speak of).
    private static void Line(Plot plot, ImmutableArray<MonthlyDay> days, Func<MonthlyDay, double> value, Color color, string? legend)
    {
        var known = days.Select((d, i) => (d, i)).Where(p => p.d.Called > 0).ToList();
        if (known.Count == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(known.Select(p => (double)(p.i + 1)).ToArray(), known.Select(p => value(p.d)).ToArray());
        line.LineWidth = 3;
        line.MarkerSize = 6;
        line.Color = color;
        if (legend is not null)
        {
            line.LegendText = legend;
        }
    }
}
