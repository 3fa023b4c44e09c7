using Queue.Contracts.Config;
using Queue.Domain.Analytics;

namespace Queue.Domain;

/// <summary>
/// The opening calendar as the planners read a date: which half hours of the analytics grid are open per zone and for the
/// hall, the day's first opening and last closing in minutes since local midnight, and the weekday a date plans like.
/// The forecast, the tidal advice, the staffing search, the simulator and the charts all ask these, so a lunch break,
/// a holiday, a 调休 Saturday and a zone's own week (a 24-hour zone) count alike everywhere.
/// </summary>
public sealed partial class OpeningCalendar
{
    /// <summary>
    /// The hall's hours for planning (forecast, advice, simulator, charts): its calendar when it enforces its hours; a hall
    /// that does not (always open for issuing) plans by its Opens–Closes pair every day, as does a hall without a calendar.
    /// </summary>
    public static OpeningCalendar Of(HallConfig hall) => new(hall.EnforceOpeningHours ? hall : hall with { Calendar = null });

    /// <summary>The zones that have themes or windows (the hall's own week when there are none).</summary>
    public IReadOnlyList<string?> ZoneIds =>
        [.. (hall.Zones.IsDefault ? [] : hall.Zones).Select(z => (string?)z.ZoneId)
            .Concat((hall.Themes.IsDefault ? [] : hall.Themes).Select(t => (string?)t.ZoneId))
            .Distinct()
            .DefaultIfEmpty(null)];

    /// <summary>The share (0–1) of a half hour of a local date during which the zone is open.</summary>
    public double OpenShare(string? zoneId, DateOnly date, int interval)
    {
        var (from, to) = (interval * (double)AnalyticsInterval.Minutes, (interval + 1) * (double)AnalyticsInterval.Minutes);
        var open = Periods(zoneId, date).Sum(p => Math.Max(0, Math.Min(to, p.End.TotalMinutes) - Math.Max(from, p.Start.TotalMinutes)));
        return Math.Clamp(open / AnalyticsInterval.Minutes, 0, 1);
    }

    /// <summary>The half hours of a local date in which the zone is open at all, in order (none on a closed day).</summary>
    public IReadOnlyList<int> OpenIntervals(string? zoneId, DateOnly date) =>
        [.. Enumerable.Range(0, AnalyticsInterval.PerDay).Where(i => OpenShare(zoneId, date, i) > 0)];

    /// <summary>The half hours of a local date in which any of the hall's zones is open, in order.</summary>
    public IReadOnlyList<int> HallOpenIntervals(DateOnly date) =>
        [.. ZoneIds.SelectMany(z => OpenIntervals(z, date)).Distinct().Order()];

    /// <summary>The zone's open periods of a local date in minutes since local midnight (a period to midnight ends at 1440).</summary>
    public IReadOnlyList<(double From, double To)> OpenMinutes(string? zoneId, DateOnly date) =>
        [.. Periods(zoneId, date).Select(p => (p.Start.TotalMinutes, p.End.TotalMinutes))];

    /// <summary>Whether the zone is open at a minute of a local date.</summary>
    public bool IsOpenAt(string? zoneId, DateOnly date, double minute) => OpenMinutes(zoneId, date).Any(p => p.From <= minute && minute < p.To);

    /// <summary>The hall's day in minutes since local midnight: the first opening and the last closing over its zones; null on a day no zone opens.</summary>
    public (double Opens, double Closes)? DayMinutes(DateOnly date)
    {
        var periods = ZoneIds.SelectMany(z => OpenMinutes(z, date)).ToList();
        return periods.Count == 0 ? null : (periods.Min(p => p.From), periods.Max(p => p.To));
    }

    /// <summary>The end of the zone's last period of a local date (its closing for the day, after which what waits expires); null when it does not open that day.</summary>
    public DateTimeOffset? LastClosing(string? zoneId, DateOnly date) =>
        Spans(zoneId, date) is { Count: > 0 } spans ? spans.Max(s => s.To) : null;

    /// <summary>The weekday a date plans like: a 调休 working day takes its <see cref="WorkingDate.Follows"/>, any other its own.</summary>
    public DayOfWeek PlansLike(DateOnly date) =>
        HasCalendar && working.TryGetValue(date, out var makeUp) ? makeUp.Follows : date.DayOfWeek;

    /// <summary>
    /// The half hours a day's chart spans: those open on the date in a zone that closes at some time of day; a zone open
    /// around the clock (24小时不打烊) widens a chart only where it has data, so its night hours do not crowd the day.
    /// Empty on a day no such zone opens (the chart then says the hall is closed).
    /// </summary>
    public IReadOnlyList<int> ChartIntervals(DateOnly date) =>
        [.. ZoneIds.Select(z => OpenIntervals(z, date)).Where(i => i.Count < AnalyticsInterval.PerDay).SelectMany(i => i).Distinct().Order()];

    /// <summary>The half hours of a week's charts (weekday × half hour): <see cref="ChartIntervals"/> over the seven days from <paramref name="from"/>.</summary>
    public IReadOnlyList<int> WeekChartIntervals(DateOnly from) =>
        [.. Enumerable.Range(0, 7).SelectMany(d => ChartIntervals(from.AddDays(d))).Distinct().Order()];

    /// <summary>The local midnight that starts a date, as an instant.</summary>
    public DateTimeOffset StartOf(DateOnly date) => Instant(date, TimeSpan.Zero);

    /// <summary>Whether no zone of the hall opens on the date.</summary>
    public bool IsClosedDay(DateOnly date) => DayMinutes(date) is null;
}

/// <summary>
/// The one rule for how long a ticket has waited against its theme's target (the 30-minute promise): with a hall
/// calendar, the time its zone was open between the two instants (<see cref="OpeningCalendar.BusinessTime"/>), so a
/// ticket issued before a lunch break and called after it does not count the break; without a calendar (or a hall that
/// does not enforce its hours), wall time. The SLA guardian, the line's statistics, the call's journaled wait (the on-time
/// KPI) and the simulator's within-target judgement all use it.
/// </summary>
public static class TargetClock
{
    public static TimeSpan Waited(OpeningCalendar? calendar, string? zoneId, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? TimeSpan.Zero
        : calendar is { HasCalendar: true } ? calendar.BusinessTime(zoneId, from, to)
        : to - from;
}
