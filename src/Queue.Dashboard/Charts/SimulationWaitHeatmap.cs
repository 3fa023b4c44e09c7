using Queue.Contracts.Config;
using ScottPlot;

namespace Queue.Dashboard.Charts;

/// <summary>
/// A what-if (推演) run's mean wait by theme × hour of issue for one policy, on a colour scale the caller fixes (the same
/// for every policy of a run, so the maps compare at a glance). Rows are the hall's themes, columns the day's open hours by the hall calendar (<see cref="ChartHours"/>).
/// </summary>
public static class SimulationWaitHeatmap
{
    /// <summary>The policies' names on the charts, Chinese and English.</summary>
    public static (string Zh, string En) PolicyName(string policy) => policy switch
    {
        "DedicatedFifo" => ("分线排队（改革前）", "Dedicated FIFO (before the reform)"),
        "QueueRouting" => ("统一分派", "Queue routing"),
        "QueueRoutingWithGuardian" => ("统一分派＋超时调度", "Routing + SLA guardian"),
        "QueueRoutingWithGuardianAndTidal" => ("统一分派＋超时调度＋潮汐窗口", "Routing + guardian + tidal plan"),
        _ => (policy, policy),
    };

    public static Plot Create(HallConfig hall, DateOnly? date, string policy, IReadOnlyDictionary<(string Theme, int Hour), double> meanWaits, double scaleMax, ChartStyle style)
    {
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(meanWaits);
        ArgumentNullException.ThrowIfNull(style);
        var (hours, _) = ChartHours.Of(hall, date, meanWaits.Keys.Select(k => k.Hour));
        var values = new double[hall.Themes.Length, hours.Count];
        for (var r = 0; r < hall.Themes.Length; r++)
        {
            for (var c = 0; c < hours.Count; c++)
            {
                values[r, c] = meanWaits.TryGetValue((hall.Themes[r].Code, hours[c]), out var wait) ? wait : double.NaN;
            }
        }

        var (zh, en) = PolicyName(policy);
        var day = date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " " : "";
        var plot = style.Create(style.T($"{day}推演·{zh}：平均等待（分钟）", $"{day}what-if, {en}: mean wait (min)"));
        var rows = hall.Themes.Select(t => style.English ? t.NameEn : t.Name).ToList();
        var columns = hours.Select(h => $"{h}:00").ToList();
        HeatmapGrid.Draw(plot, style, values, rows, columns, style.T("分钟", "min"), writeValues: true, max: scaleMax);
        return plot;
    }
}
