namespace Queue.Domain.Analytics;

/// <summary>Tickets issued for a theme on a date in one 30-minute interval (see <see cref="AnalyticsInterval"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record ArrivalCount(
    [property: Id(0)] string Theme,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] int IntervalIndex,
    [property: Id(3)] int Count);
