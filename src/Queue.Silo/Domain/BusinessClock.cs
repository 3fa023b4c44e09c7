namespace Queue.Silo.Domain;

/// <summary>The hall's business day: the calendar date in the hall's time zone (Asia/Shanghai by default).</summary>
public static class BusinessClock
{
    public static TimeZoneInfo Zone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Day(DateTimeOffset now, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(timeZoneId)).DateTime);

    public static TimeOnly LocalTime(DateTimeOffset now, string timeZoneId) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone(timeZoneId)).DateTime);
}
