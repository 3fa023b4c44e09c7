using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>Average arrivals by weekday (Monday at the top) × half-hour of the open hours of the week (the hall calendar, <see cref="ChartHours"/>), over the pattern's weeks.</summary>
public static class WeekdayArrivalsHeatmap
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly string[] WeekZh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    public static Plot Create(ArrivalPattern pattern, HallConfig hall, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(style);
        var intervals = ChartHours.Week(hall, pattern.From, pattern.Cells.Select(c => c.Interval));
        var first = intervals[0];
        var values = new double[Week.Length, intervals.Count];
        foreach (var cell in pattern.Cells)
        {
            values[Array.IndexOf(Week, cell.Weekday), cell.Interval - first] = cell.Average;
        }

        var theme = pattern.Theme is null ? null : hall.FindTheme(pattern.Theme);
        var what = theme is null ? style.T("全部业务", "all themes") : style.English ? theme.NameEn : theme.Name;
        var plot = style.Create(style.T(
            $"近{pattern.Weeks}周 {what} 取号热力（星期×半小时，日均）",
            $"Arrivals of {what}, last {pattern.Weeks} weeks (weekday × half-hour, average)"));
        var rows = style.English ? Week.Select(d => d.ToString()[..3]).ToList() : [.. WeekZh];
        var columns = intervals.Select(i => i % 2 == 0 ? $"{i / 2}:00" : "").ToList();
        HeatmapGrid.Draw(plot, style, values, rows, columns, style.T("张/半小时", "tickets per half-hour"), writeValues: false);
        return plot;
    }
}
