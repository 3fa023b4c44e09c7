namespace Queue.Contracts.Analytics;

/// <summary>People waiting at the end of a 15-minute bucket that starts at <see cref="Start"/> (local time of day).</summary>
[GenerateSerializer, Immutable]
public sealed record WaitingPoint(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] long Waiting);
