using Queue.Contracts.Analytics;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>People waiting over the day, per 15 minutes, as a line with the hour on the x axis.</summary>
public static class WaitingCurveChart
{
    public static Plot Create(WaitingCurve curve, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(style);
        var plot = style.Create(style.DayTitle(curve.Date, "全天等候人数", "people waiting over the day"));
        double[] xs = [.. curve.Points.Select(p => p.Start.ToTimeSpan().TotalHours + 0.25)];
        double[] ys = [.. curve.Points.Select(p => (double)p.Waiting)];
        if (xs.Length > 0)
        {
            var line = plot.Add.Scatter(xs, ys);
            line.LineWidth = 3;
            line.MarkerSize = 6;
            line.Color = style.Accent;
            line.FillY = true;
            line.FillYColor = style.Accent.WithAlpha(0.25);
        }

        var from = Math.Floor(xs.DefaultIfEmpty(8).Min());
        var to = Math.Ceiling(xs.DefaultIfEmpty(18).Max());
        plot.Axes.SetLimits(Math.Min(from, 8), Math.Max(to, from + 1), 0, Math.Max(5, ys.DefaultIfEmpty(0).Max() * 1.15));
        var hours = Enumerable.Range((int)Math.Min(from, 8), (int)(Math.Max(to, from + 1) - Math.Min(from, 8)) + 1).ToList();
        plot.Axes.Bottom.SetTicks([.. hours.Select(h => (double)h)], [.. style.HourLabels(hours)]);
        plot.YLabel(style.T("等候人数", "waiting"));
        return plot;
    }
}
