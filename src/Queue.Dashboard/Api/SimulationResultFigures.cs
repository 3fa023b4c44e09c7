using Queue.Simulation;

namespace Queue.Dashboard.Api;

/// <summary>
/// One cell of a policy's day by theme × hour of issue (local), pooled over the replications: the share called within
/// target (met ÷ judged), the mean wait in minutes until the first call (null: no one called), the tickets a day.
/// </summary>
public sealed record ThemeHourFigures(string Theme, int Hour, double ShareWithinTarget, double? MeanWaitMinutes, double Tickets)
{
    /// <summary>The cells of <paramref name="summary"/>, by theme then hour.</summary>
    public static IReadOnlyList<ThemeHourFigures> Of(PolicySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return [.. summary.TicketsByThemeAndHour.Keys.Union(summary.ShareByThemeAndHour.Keys)
            .OrderBy(k => k.Theme, StringComparer.Ordinal).ThenBy(k => k.Hour)
            .Select(k => new ThemeHourFigures(
                k.Theme,
                k.Hour,
                Math.Round(summary.ShareByThemeAndHour.GetValueOrDefault(k, 1), 4),
                summary.MeanWaitByThemeAndHour.TryGetValue(k, out var wait) ? Math.Round(wait, 2) : null,
                Math.Round(summary.TicketsByThemeAndHour.GetValueOrDefault(k), 2)))];
    }
}

/// <summary>A policy's figures by theme × hour (<see cref="ThemeHourFigures"/>), next to its day's figures.</summary>
public sealed partial record PolicyFigures
{
    public IReadOnlyList<ThemeHourFigures> ByThemeAndHour { get; init; } = [];
}
