namespace Queue.Simulation;

/// <summary>
/// One policy over R replicated days: each figure's mean with its 95% confidence interval, and the share within target
/// by theme × hour of issue pooled over the days (met ÷ judged), with the mean wait (of the called tickets, pooled) and
/// the tickets a day (pooled tickets ÷ days) by theme × hour.
/// </summary>
public sealed record PolicySummary(
    SimulationPolicy Policy,
    ConfidenceInterval ShareWithinTarget,
    ConfidenceInterval MeanWait,
    ConfidenceInterval P90Wait,
    ConfidenceInterval MaxWait,
    ConfidenceInterval LongestLine,
    ConfidenceInterval Utilization,
    ConfidenceInterval IdleWhileServedLineWaits,
    ConfidenceInterval IdleWhileHallWaits,
    ConfidenceInterval WindowHours,
    ConfidenceInterval GuardianMoves,
    IReadOnlyDictionary<(string Theme, int Hour), double> ShareByThemeAndHour)
{
    /// <summary>The mean wait in minutes until the first call by theme × hour of issue, pooled over the days (absent: no one called).</summary>
    public IReadOnlyDictionary<(string Theme, int Hour), double> MeanWaitByThemeAndHour { get; init; } = new Dictionary<(string, int), double>();

    /// <summary>The measured tickets a day by theme × hour of issue (pooled over the days, divided by the days).</summary>
    public IReadOnlyDictionary<(string Theme, int Hour), double> TicketsByThemeAndHour { get; init; } = new Dictionary<(string, int), double>();

    public static PolicySummary Of(SimulationPolicy policy, IReadOnlyList<DayResult> days)
    {
        ConfidenceInterval Ci(Func<DayResult, double> figure) => ConfidenceInterval.Of([.. days.Select(figure)]);
        var pooled = days.SelectMany(d => d.ByThemeAndHour())
            .GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value.Judged) == 0 ? 1 : (double)g.Sum(kv => kv.Value.Met) / g.Sum(kv => kv.Value.Judged));
        var waits = days.SelectMany(d => d.WaitsByThemeAndHour()).GroupBy(kv => kv.Key).ToList();
        return new(
            policy,
            Ci(d => d.ShareWithinTarget),
            Ci(d => d.MeanWait),
            Ci(d => d.P90Wait),
            Ci(d => d.MaxWait),
            Ci(d => d.LongestLine),
            Ci(d => d.Windows.Utilization),
            Ci(d => d.Windows.IdleWhileServedLineWaits),
            Ci(d => d.Windows.IdleWhileHallWaits),
            Ci(d => d.Windows.WindowHours),
            Ci(d => d.GuardianMoves),
            pooled)
        {
            MeanWaitByThemeAndHour = waits.Where(g => g.Sum(kv => kv.Value.Called) > 0)
                .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value.WaitMinutes) / g.Sum(kv => kv.Value.Called)),
            TicketsByThemeAndHour = waits.ToDictionary(g => g.Key, g => (double)g.Sum(kv => kv.Value.Tickets) / Math.Max(1, days.Count)),
        };
    }
}
