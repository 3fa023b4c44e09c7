namespace Queue.Contracts.Snapshots;

/// <summary>Windows a theme needs in a 30-minute interval (interval i starts at i × 30 min after midnight) against those scheduled.</summary>
[GenerateSerializer, Immutable]
public sealed record TidalCoverage(
    [property: Id(0)] string Theme,
    [property: Id(1)] int Interval,
    [property: Id(2)] int Required,
    [property: Id(3)] int Scheduled,
    [property: Id(4)] double ArrivalsPerHour,
    [property: Id(5)] double AverageServiceMinutes);
