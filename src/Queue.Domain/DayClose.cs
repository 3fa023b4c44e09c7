using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>When a hall that enforces its opening hours closes its day: at closing time, once per business day.</summary>
public static class DayClose
{
    public static bool IsDue(HallConfig? config, DateOnly lastClosedDay, DateTimeOffset now) =>
        config is { EnforceOpeningHours: true } &&
        BusinessClock.LocalTime(now, config.TimeZone) >= config.Closes && lastClosedDay != BusinessClock.Day(now, config.TimeZone);
}
