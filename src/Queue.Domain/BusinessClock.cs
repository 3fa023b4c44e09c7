namespace Queue.Domain;

/// <summary>The hall's business day: the calendar date in the hall's time zone (Asia/Shanghai by default).</summary>
public static class BusinessClock
{
    public static TimeZoneInfo Zone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Day(DateTimeOffset now, string timeZoneId) => Day(now, Zone(timeZoneId));

    public static TimeOnly LocalTime(DateTimeOffset now, string timeZoneId) => LocalTime(now, Zone(timeZoneId));

    public static DateOnly Day(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    public static TimeOnly LocalTime(DateTimeOffset at, TimeZoneInfo zone) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
