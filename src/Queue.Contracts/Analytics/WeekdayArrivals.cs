namespace Queue.Contracts.Analytics;

/// <summary>The average tickets issued on a weekday in one 30-minute interval (index 18: 09:00–09:30).</summary>
[GenerateSerializer, Immutable]
public sealed record WeekdayArrivals(
    [property: Id(0)] DayOfWeek Weekday,
    [property: Id(1)] int Interval,
    [property: Id(2)] double Average);
