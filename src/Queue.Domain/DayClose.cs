using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>
/// When a hall that enforces its opening hours closes its day, once per business day: at closing time, or with a
/// calendar at the last closing of the day over all its zones (at once on a closed day; a zone open until midnight
/// leaves it to the business day's change).
/// </summary>
public static class DayClose
{
    public static bool IsDue(HallConfig? config, DateOnly lastClosedDay, DateTimeOffset now)
    {
        if (config is not { EnforceOpeningHours: true } || lastClosedDay == BusinessClock.Day(now, config.TimeZone))
        {
            return false;
        }

        return config.Calendar is null ? BusinessClock.LocalTime(now, config.TimeZone) >= config.Closes : now >= LastClosing(config, now);
    }

    /// <summary>The last closing of the business day of <paramref name="now"/> over the hall and its zones, or the day's start when none opens.</summary>
    public static DateTimeOffset LastClosing(HallConfig config, DateTimeOffset now)
    {
        var calendar = new OpeningCalendar(config);
        var today = BusinessClock.Day(now, calendar.TimeZone);
        var zones = config.Zones.IsDefault ? [] : config.Zones;
        var ends = zones.SelectMany(z => calendar.Spans(z.ZoneId, today)).Select(s => s.To).ToList();
        return ends.Count == 0 ? DateTimeOffset.MinValue : ends.Max();
    }
}
