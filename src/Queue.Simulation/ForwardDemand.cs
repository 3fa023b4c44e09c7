using Queue.Contracts.Snapshots;
using Queue.Contracts.Config;
using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// The demand a forward prediction expects for the rest of the day: per theme the arrivals an hour in each 30-minute
/// interval (from the day's forecast), and service times lognormal around the line's rolling mean service time with
/// coefficient of variation <see cref="ServiceCv"/> (an assumption: the demo's and the what-if's default).
/// </summary>
public static class ForwardDemand
{
    public const double ServiceCv = 0.8;

    public static IReadOnlyList<ThemeDemand> From(IReadOnlyList<LineState> lines, Func<string, int, double> arrivalsPerHour, double serviceCv = ServiceCv) =>
        [.. lines.Select(line => new ThemeDemand(
            line.ThemeCode,
            [.. Enumerable.Range(0, AnalyticsInterval.PerDay).Select(i => Math.Max(0, arrivalsPerHour(line.ThemeCode, i)) * AnalyticsInterval.Minutes / 60)],
            ServiceTimeModel.Lognormal(Math.Max(0.1, line.AverageServiceMinutes), serviceCv)))];

    /// <summary>
    /// Arrivals an hour per theme and interval for the rest of today: the day's advice forecast when it has one, else the
    /// theme's issues so far today over the time its zone has been open today (at least 30 minutes); none in a half hour
    /// its zone is closed (a lunch break, a holiday: <see cref="OpeningCalendar.Of"/>).
    /// </summary>
    public static Func<string, int, double> Rates(HallConfig config, IReadOnlyList<LineState> lines, TidalAdvice? advice, DateTimeOffset now)
    {
        var calendar = OpeningCalendar.Of(config);
        var today = BusinessClock.Day(now, calendar.TimeZone);
        var zones = config.Themes.ToDictionary(t => t.Code, t => t.ZoneId);
        var forecast = advice?.Coverage.GroupBy(c => (c.Theme, c.Interval)).ToDictionary(g => g.Key, g => g.First().ArrivalsPerHour);
        var observed = lines.ToDictionary(
            l => l.ThemeCode,
            l => l.IssuedToday * 60 / Math.Max(30, calendar.BusinessTime(zones.GetValueOrDefault(l.ThemeCode), calendar.StartOf(today), now).TotalMinutes));
        return (theme, interval) => calendar.OpenShare(zones.GetValueOrDefault(theme), today, interval) <= 0 ? 0
            : forecast is { Count: > 0 } ? forecast.GetValueOrDefault((theme, interval))
            : observed.GetValueOrDefault(theme);
    }
}
