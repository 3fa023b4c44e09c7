namespace Queue.Domain.Analytics;

/// <summary>
/// Windows a theme needs in one 30-minute interval, with the offered load (Erlang) behind the figure and the service
/// level and occupancy that number of windows achieves.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WindowRequirement(
    [property: Id(0)] string Theme,
    [property: Id(1)] int IntervalIndex,
    [property: Id(2)] int Windows,
    [property: Id(3)] double OfferedLoad = 0,
    [property: Id(4)] double ServiceLevel = 1,
    [property: Id(5)] double Occupancy = 0);
