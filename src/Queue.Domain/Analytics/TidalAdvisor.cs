using System.Collections.Immutable;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain.Analytics;

/// <summary>
/// From a hall's history to its tidal advice for a day: forecast arrivals and handle times per theme and interval
/// (<see cref="DemandForecast"/>), the fewest windows meeting the target per interval (<see cref="StaffingRequirement"/>),
/// then the tidal windows assigned interval by interval (<see cref="TidalPlanner"/>). Only the hall's opening hours are
/// planned. Fixed capacity: each non-tidal dedicated window counts for its theme, a non-tidal ordered window for its first
/// theme; non-tidal comprehensive windows float and are left out (the plan errs on the side of more windows).
/// </summary>
public static class TidalAdvisor
{
    public static TidalAdvice Advise(
        HallConfig hall, IReadOnlyList<ArrivalCount> arrivals, IReadOnlyList<ServiceSample> services, DateOnly date, DateTimeOffset now,
        ForecastOptions? forecastOptions = null, StaffingOptions? staffing = null)
    {
        var forecast = DemandForecast.Forecast([.. hall.Themes], arrivals, services, date, forecastOptions);
        return Plan(hall, forecast, now, staffing);
    }

    /// <summary>
    /// The advice for a day whose demand is known (forecast, or given by a what-if run): the fewest windows per theme and
    /// interval, then the tidal windows assigned. The hall-day simulator plans its tidal policy with this very method.
    /// </summary>
    public static TidalAdvice Plan(HallConfig hall, DemandForecastResult forecast, DateTimeOffset now, StaffingOptions? staffing = null)
    {
        var themes = hall.Themes.ToList();
        var date = forecast.Date;
        var open = Enumerable.Range(0, AnalyticsInterval.PerDay)
            .Where(i => AnalyticsInterval.Start(i) >= hall.Opens && AnalyticsInterval.Start(i) < hall.Closes).ToHashSet();
        var required = StaffingRequirement.Compute(forecast, themes, staffing).Where(r => open.Contains(r.IntervalIndex)).ToList();
        var codes = hall.ThemeCodes.ToList();
        var dedicated = hall.Windows.Where(w => !w.Tidal && w.Profile.Kind != WindowProfileKind.Comprehensive && w.Profile.Themes.Length > 0)
            .GroupBy(w => w.Profile.Themes[0]).ToDictionary(g => g.Key, g => g.Count());
        var flexible = hall.Windows.Where(w => w.Tidal).Select(w => new FlexibleWindow(w.WindowNo, [.. w.Profile.Resolve(codes)])).ToList();
        var plan = TidalPlanner.Plan(required, dedicated, flexible);
        var demand = forecast.Intervals.ToDictionary(d => (d.Theme, d.IntervalIndex));
        return new TidalAdvice(
            hall.HallId,
            date,
            [.. plan.Intervals],
            [.. plan.Coverage.Select(c => new TidalCoverage(
                c.Theme, c.IntervalIndex, c.Required, c.Scheduled,
                Math.Round(demand.TryGetValue((c.Theme, c.IntervalIndex), out var d) ? d.ArrivalsPerInterval * 2 : 0, 2),
                Math.Round(demand.TryGetValue((c.Theme, c.IntervalIndex), out var h) ? h.HandleMinutes : 0, 2)))],
            [.. plan.Windows.Select(w => new TidalWindow(w.WindowNo, [.. w.Themes], w.Switches))],
            plan.TotalShortfall,
            plan.Switches,
            forecast.WeeksObserved,
            now,
            null);
    }

    /// <summary>The profile a tidal window takes in an interval: its planned theme first, then the rest of its themes.</summary>
    public static WindowProfile ProfileFor(WindowConfig window, string? theme, IEnumerable<string> hallThemes) =>
        theme is null || !window.Profile.Serves(theme)
            ? window.Profile
            : new WindowProfile(WindowProfileKind.Ordered, [theme, .. window.Profile.Resolve(hallThemes).Where(t => t != theme)]);
}
