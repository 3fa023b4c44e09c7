namespace Queue.Contracts.Analytics;

/// <summary>The ratings of tickets whose wait lay in [<see cref="FromMinutes"/>, <see cref="ToMinutes"/>) (open-ended when null), and the share satisfied (0–1).</summary>
[GenerateSerializer, Immutable]
public sealed record WaitBand(
    [property: Id(0)] int FromMinutes,
    [property: Id(1)] int? ToMinutes,
    [property: Id(2)] int Rated,
    [property: Id(3)] int Satisfied,
    [property: Id(4)] double SatisfiedShare);
