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
        return Plan(hall, Forecast(hall, arrivals, services, date, forecastOptions), now, staffing);
    }

    /// <summary>
    /// The day's demand forecast as the advice and the what-if read it: a 调休 working day is forecast like the weekday it
    /// takes (from that weekday's weeks; the first such weekday on or after the date is the anchor, so the latest week
    /// counts), any other day from its own weekday's weeks.
    /// </summary>
    public static DemandForecastResult Forecast(
        HallConfig hall, IReadOnlyList<ArrivalCount> arrivals, IReadOnlyList<ServiceSample> services, DateOnly date, ForecastOptions? forecastOptions = null)
    {
        var like = OpeningCalendar.Of(hall).PlansLike(date);
        var anchor = date.AddDays(((int)like - (int)date.DayOfWeek + 7) % 7);
        return DemandForecast.Forecast([.. hall.Themes], arrivals, services, anchor, forecastOptions) with { Date = date };
    }

    /// <summary>
    /// The advice for a day whose demand is known (forecast, or given by a what-if run): the fewest windows per theme and
    /// interval, then the tidal windows assigned. The hall-day simulator plans its tidal policy with this very method.
    /// </summary>
    public static TidalAdvice Plan(HallConfig hall, DemandForecastResult forecast, DateTimeOffset now, StaffingOptions? staffing = null)
    {
        var themes = hall.Themes.ToList();
        var date = forecast.Date;
        // Only the half hours each theme's zone is open on the date are planned (lunch breaks, holidays and a zone's own
        // week come from the hall calendar); a day no zone opens gets an empty plan with a note.
        var calendar = OpeningCalendar.Of(hall);
        var open = themes.ToDictionary(t => t.Code, t => calendar.OpenIntervals(t.ZoneId, date).ToHashSet());
        var required = StaffingRequirement.Compute(forecast, themes, staffing)
            .Where(r => open.TryGetValue(r.Theme, out var intervals) && intervals.Contains(r.IntervalIndex)).ToList();
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
            [.. plan.Coverage.Where(c => open.TryGetValue(c.Theme, out var o) && o.Contains(c.IntervalIndex)).Select(c => new TidalCoverage(
                c.Theme, c.IntervalIndex, c.Required, c.Scheduled,
                Math.Round(demand.TryGetValue((c.Theme, c.IntervalIndex), out var d) ? d.ArrivalsPerInterval * 2 : 0, 2),
                Math.Round(demand.TryGetValue((c.Theme, c.IntervalIndex), out var h) ? h.HandleMinutes : 0, 2)))],
            [.. plan.Windows.Select(w => new TidalWindow(w.WindowNo, [.. w.Themes], w.Switches))],
            plan.TotalShortfall,
            plan.Switches,
            forecast.WeeksObserved,
            now,
            null)
        {
            NoteZh = required.Count == 0 ? ClosedNoteZh(calendar, date) : null,
            NoteEn = required.Count == 0 ? ClosedNoteEn(calendar, date) : null,
        };
    }

    private static string ClosedNoteZh(OpeningCalendar calendar, DateOnly date) =>
        calendar.Holiday(null, date) is { } holiday ? $"{date:yyyy-MM-dd}{holiday.Name ?? "节假日"}闭厅，无需排班" : $"{date:yyyy-MM-dd}大厅不开放，无需排班";

    private static string ClosedNoteEn(OpeningCalendar calendar, DateOnly date) =>
        calendar.Holiday(null, date) is { } holiday ? $"The hall is closed on {date:yyyy-MM-dd} ({holiday.Name ?? "holiday"}): nothing to plan" : $"The hall does not open on {date:yyyy-MM-dd}: nothing to plan";

    /// <summary>The profile a tidal window takes in an interval: its planned theme first, then the rest of its themes.</summary>
    public static WindowProfile ProfileFor(WindowConfig window, string? theme, IEnumerable<string> hallThemes) =>
        theme is null || !window.Profile.Serves(theme)
            ? window.Profile
            : new WindowProfile(WindowProfileKind.Ordered, [theme, .. window.Profile.Resolve(hallThemes).Where(t => t != theme)]);
}
