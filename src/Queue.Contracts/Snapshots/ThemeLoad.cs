namespace Queue.Contracts.Snapshots;

/// <summary>A theme's current work as the wait estimate weighs it: people waiting in the line × the mean service time.</summary>
[GenerateSerializer, Immutable]
public sealed record ThemeLoad(
    [property: Id(0)] string ThemeCode,
    [property: Id(1)] int Waiting,
    [property: Id(2)] double AverageServiceMinutes)
{
    public double Work => Math.Max(0, Waiting) * Math.Max(0, AverageServiceMinutes);
}
