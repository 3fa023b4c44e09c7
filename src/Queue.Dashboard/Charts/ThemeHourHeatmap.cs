using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// A day as a heatmap of theme × hour of the opening day: the average wait in minutes (the colour scale ends at 45, so
/// a cell past the 30-minute target is orange to red) or the tickets issued. The hours are the day's open hours by the
/// hall calendar (<see cref="ChartHours"/>); a closed day says so in the title.
/// </summary>
public static class ThemeHourHeatmap
{
    public static Plot Create(DayByHour day, HallConfig hall, bool waits, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(style);
        var (hours, closed) = ChartHours.Of(hall, day.Date, day.Cells.Select(c => c.Hour));
        var values = new double[hall.Themes.Length, hours.Count];
        for (var r = 0; r < hall.Themes.Length; r++)
        {
            for (var c = 0; c < hours.Count; c++)
            {
                var cell = day.Cells.FirstOrDefault(x => x.Theme == hall.Themes[r].Code && x.Hour == hours[c]);
                values[r, c] = waits
                    ? cell is { Called: > 0 } ? cell.AverageWaitSeconds / 60 : double.NaN
                    : cell?.Issued ?? 0;
            }
        }

        var title = waits
            ? style.Dark ? style.T("各业务每小时平均等待（分钟）", "Average wait (min)") : style.DayTitle(day.Date, "各业务每小时平均等待（分钟）", "average wait per theme and hour (min)")
            : style.DayTitle(day.Date, "各业务每小时取号量", "tickets per theme and hour");
        var plot = style.Create(closed ? title + style.T("（闭厅）", " (closed)") : title);
        var rows = hall.Themes.Select(t => style.English ? t.NameEn : t.Name).ToList();
        var columns = style.HourLabels(hours);
        HeatmapGrid.Draw(plot, style, values, rows, columns, waits ? style.T("分钟", "min") : style.T("张", "tickets"), writeValues: true, max: waits ? 45 : null);
        return plot;
    }
}
