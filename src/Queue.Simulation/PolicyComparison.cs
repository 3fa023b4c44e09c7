using System.Globalization;
using System.Text;

namespace Queue.Simulation;

/// <summary>
/// Policies side by side on the same citizens (common random numbers): replication r draws its day once with seed
/// <c>seed + r</c> and runs every policy on those draws, so differences between policies are not noise between days.
/// </summary>
public static class PolicyComparison
{
    public static IReadOnlyList<SimulationPolicy> All { get; } = Enum.GetValues<SimulationPolicy>();

    public static IReadOnlyList<PolicySummary> Run(
        HallDayScenario scenario, IReadOnlyList<SimulationPolicy> policies, int replications, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        var days = policies.ToDictionary(p => p, _ => new List<DayResult>());
        var tidalPlan = policies.Contains(SimulationPolicy.QueueRoutingWithGuardianAndTidal) ? HallDaySimulator.TidalPlan(scenario) : null;
        for (var r = 0; r < replications; r++)
        {
            var draws = DayTickets.Draw(scenario, seed + r);
            foreach (var policy in policies)
            {
                cancellationToken.ThrowIfCancellationRequested();
                days[policy].Add(HallDaySimulator.Run(scenario, policy, draws, tidalPlan));
            }
        }

        return [.. policies.Select(p => PolicySummary.Of(p, days[p]))];
    }

    /// <summary>The comparison as a plain-text table (one row per policy, mean ± 95% half-width).</summary>
    public static string Table(IReadOnlyList<PolicySummary> summaries)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"policy",-34} {"≤ target",-16} {"mean wait",-14} {"p90 wait",-14} {"max wait",-16} {"longest line",-14} {"utilization",-14} {"idle/served",-14} {"idle/hall",-16} {"window-h",-14} {"moves",-10}");
        foreach (var s in summaries)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{s.Policy,-34} {Percent(s.ShareWithinTarget),-16} {Minutes(s.MeanWait),-14} {Minutes(s.P90Wait),-14} {Minutes(s.MaxWait),-16} {Plain(s.LongestLine),-14} {Percent(s.Utilization),-14} {Plain(s.IdleWhileServedLineWaits),-14} {Plain(s.IdleWhileHallWaits),-16} {Plain(s.WindowHours),-14} {Plain(s.GuardianMoves),-10}");
        }

        return text.ToString();
    }

    /// <summary>One policy's share within target by theme (rows) and hour of issue (columns), pooled over the replications.</summary>
    public static string ThemeHourTable(PolicySummary summary)
    {
        var hours = summary.ShareByThemeAndHour.Keys.Select(k => k.Hour).Distinct().Order().ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{summary.Policy}: share within target by theme × hour of issue");
        text.Append("theme ").AppendLine(string.Concat(hours.Select(h => string.Create(CultureInfo.InvariantCulture, $" {h,2}:00 "))));
        foreach (var theme in summary.ShareByThemeAndHour.Keys.Select(k => k.Theme).Distinct())
        {
            text.Append(theme.PadRight(6)).AppendLine(string.Concat(hours.Select(h =>
                summary.ShareByThemeAndHour.TryGetValue((theme, h), out var share) ? string.Create(CultureInfo.InvariantCulture, $" {share * 100,5:0.0}%") : "      -")));
        }

        return text.ToString();
    }

    private static string Percent(ConfidenceInterval ci) => string.Create(CultureInfo.InvariantCulture, $"{ci.Mean * 100:0.0}±{ci.HalfWidth * 100:0.0}%");

    private static string Minutes(ConfidenceInterval ci) => string.Create(CultureInfo.InvariantCulture, $"{ci.Mean:0.0}±{ci.HalfWidth:0.0}m");

    private static string Plain(ConfidenceInterval ci) => string.Create(CultureInfo.InvariantCulture, $"{ci.Mean:0.0}±{ci.HalfWidth:0.0}");
}
