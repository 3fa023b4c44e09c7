namespace Queue.Domain.Analytics;

/// <summary>
/// The analytics time grid: a day is cut into 48 intervals of 30 minutes, numbered from midnight
/// (index 17 is 08:30–09:00, index 18 is 09:00–09:30) in the hall's local time.
/// </summary>
public static class AnalyticsInterval
{
    public const int Minutes = 30;

    public const int PerDay = 24 * 60 / Minutes;

    public static int Of(TimeOnly localTime) => ((localTime.Hour * 60) + localTime.Minute) / Minutes;

    public static TimeOnly Start(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, PerDay);
        return TimeOnly.MinValue.AddMinutes(index * Minutes);
    }
}
