namespace Queue.Domain.Analytics;

/// <summary>Required against scheduled windows of a theme in one interval (dedicated ones plus flexible ones moved there).</summary>
[GenerateSerializer, Immutable]
public sealed record ThemeCoverage(
    [property: Id(0)] string Theme,
    [property: Id(1)] int IntervalIndex,
    [property: Id(2)] int Required,
    [property: Id(3)] int Dedicated,
    [property: Id(4)] int Flexible)
{
    public int Scheduled => Dedicated + Flexible;

    public int Shortfall => Math.Max(0, Required - Scheduled);
}
