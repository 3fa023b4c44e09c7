using Queue.Contracts.Config;
using Queue.Contracts.Snapshots;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// Tidal advice as a heatmap of theme × half hour: each cell shows "required/scheduled" windows, in the order the title names them, coloured by the
/// shortfall (required − scheduled, 0 when covered), so the intervals the plan cannot cover stand out.
/// </summary>
public static class TidalAdviceHeatmap
{
    public static Plot Create(TidalAdvice advice, HallConfig hall, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(advice);
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(style);
        var intervals = advice.Intervals;
        if (intervals.IsDefaultOrEmpty)
        {
            // A closed day by the hall calendar: the empty plan's note instead of an empty map.
            var closed = style.Create(style.T($"{advice.Date:yyyy-MM-dd} 潮汐窗口", $"{advice.Date:yyyy-MM-dd} tidal windows"));
            var note = closed.Add.Text(style.T(advice.NoteZh ?? "当天不开放", advice.NoteEn ?? "Closed that day"), 0, 0);
            note.LabelFontSize = style.ValueSize + 8;
            note.LabelFontColor = style.Ink;
            note.LabelAlignment = Alignment.MiddleCenter;
            closed.HideGrid();
            closed.Axes.SetLimits(-1, 1, -1, 1);
            return closed;
        }

        var values = new double[hall.Themes.Length, intervals.Length];
        for (var r = 0; r < hall.Themes.Length; r++)
        {
            for (var c = 0; c < intervals.Length; c++)
            {
                var cell = advice.Coverage.FirstOrDefault(x => x.Theme == hall.Themes[r].Code && x.Interval == intervals[c]);
                values[r, c] = cell is null ? 0 : Math.Max(0, cell.Required - cell.Scheduled);
            }
        }

        var plot = style.Create(style.T(
            $"{advice.Date:yyyy-MM-dd} 潮汐窗口：格内为 所需/已排 窗口数（颜色为缺口）",
            $"{advice.Date:yyyy-MM-dd} tidal windows: each cell required/scheduled windows (colour: shortfall)"));
        var rows = hall.Themes.Select(t => style.English ? t.NameEn : t.Name).ToList();
        var columns = intervals.Select(i => i % 2 == 0 ? $"{i / 2}:00" : "").ToList();
        HeatmapGrid.Draw(plot, style, values, rows, columns, style.T("缺口（窗口）", "short (windows)"), writeValues: false, max: Math.Max(1, values.Cast<double>().Max()));
        for (var r = 0; r < hall.Themes.Length; r++)
        {
            for (var c = 0; c < intervals.Length; c++)
            {
                var cell = advice.Coverage.FirstOrDefault(x => x.Theme == hall.Themes[r].Code && x.Interval == intervals[c]);
                if (cell is { Required: > 0 } or { Scheduled: > 0 })
                {
                    var label = plot.Add.Text($"{cell.Required}/{cell.Scheduled}", c, hall.Themes.Length - 1 - r);
                    label.LabelAlignment = Alignment.MiddleCenter;
                    label.LabelFontSize = 11;
                    label.LabelFontColor = style.Dark ? Colors.White : Colors.Black;
                }
            }
        }

        return plot;
    }
}
