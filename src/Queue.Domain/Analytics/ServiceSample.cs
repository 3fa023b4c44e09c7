namespace Queue.Domain.Analytics;

/// <summary>One finished service: its theme, the date and 30-minute interval it started in, and how long it took.</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceSample(
    [property: Id(0)] string Theme,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] int IntervalIndex,
    [property: Id(3)] double Minutes);
