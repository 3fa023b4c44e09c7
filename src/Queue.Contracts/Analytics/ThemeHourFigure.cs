namespace Queue.Contracts.Analytics;

/// <summary>A theme in one local hour of a day (hour 9: 09:00–10:00): tickets issued, tickets called and their waits.</summary>
[GenerateSerializer, Immutable]
public sealed record ThemeHourFigure(
    [property: Id(0)] string Theme,
    [property: Id(1)] int Hour,
    [property: Id(2)] long Issued,
    [property: Id(3)] long Called,
    [property: Id(4)] double AverageWaitSeconds,
    [property: Id(5)] double MaxWaitSeconds);
