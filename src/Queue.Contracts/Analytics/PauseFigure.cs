namespace Queue.Contracts.Analytics;

/// <summary>The pauses of one reason (an empty reason: none given): how many and how long in all.</summary>
[GenerateSerializer, Immutable]
public sealed record PauseFigure(
    [property: Id(0)] string Reason,
    [property: Id(1)] int Count,
    [property: Id(2)] double Seconds);
