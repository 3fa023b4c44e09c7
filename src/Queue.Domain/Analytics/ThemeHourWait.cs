namespace Queue.Domain.Analytics;

/// <summary>The waits of the tickets of a theme called in one local hour of a day (hour 9: 09:00–10:00).</summary>
[GenerateSerializer, Immutable]
public sealed record ThemeHourWait(
    [property: Id(0)] string Theme,
    [property: Id(1)] int Hour,
    [property: Id(2)] long Called,
    [property: Id(3)] double AverageWaitSeconds,
    [property: Id(4)] double MaxWaitSeconds);
