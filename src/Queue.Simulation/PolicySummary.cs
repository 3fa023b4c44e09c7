namespace Queue.Simulation;

/// <summary>
/// One policy over R replicated days: each figure's mean with its 95% confidence interval, and the share within target
/// by theme × hour of issue pooled over the days (met ÷ judged).
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
    public static PolicySummary Of(SimulationPolicy policy, IReadOnlyList<DayResult> days)
    {
        ConfidenceInterval Ci(Func<DayResult, double> figure) => ConfidenceInterval.Of([.. days.Select(figure)]);
        var pooled = days.SelectMany(d => d.ByThemeAndHour())
            .GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value.Judged) == 0 ? 1 : (double)g.Sum(kv => kv.Value.Met) / g.Sum(kv => kv.Value.Judged));
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
            pooled);
    }
}
