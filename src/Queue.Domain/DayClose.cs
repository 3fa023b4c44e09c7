using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>
/// When a hall that enforces its opening hours closes its day, once per business day: at closing time, or with a
/// calendar at the last closing of the day over all its zones (at once on a closed day; a zone open until midnight
/// leaves it to the business day's change). Before that, each zone closes on its own (<see cref="ZonesDue"/>): its
/// waiting tickets expire at the end of its last period of the day, never at a lunch break after which it reopens.
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

    /// <summary>
    /// The zones (with a calendar) whose last period of the business day of <paramref name="now"/> has ended, or that do not
    /// open that day, and that have not closed yet today (<paramref name="zonesClosed"/>: each zone's last closed day); none
    /// once the whole hall has closed the day (<paramref name="lastClosedDay"/>) or without a calendar (the hall closes at once).
    /// </summary>
    public static IReadOnlyList<string> ZonesDue(HallConfig? config, DateOnly lastClosedDay, IReadOnlyDictionary<string, DateOnly> zonesClosed, DateTimeOffset now)
    {
        if (config is not { EnforceOpeningHours: true, Calendar: not null })
        {
            return [];
        }

        var calendar = new OpeningCalendar(config);
        var today = BusinessClock.Day(now, calendar.TimeZone);
        if (lastClosedDay == today)
        {
            return [];
        }

        return [.. calendar.ZoneIds.OfType<string>()
            .Where(z => zonesClosed.GetValueOrDefault(z) != today && (calendar.LastClosing(z, today) is not { } closing || now >= closing))];
    }
}
