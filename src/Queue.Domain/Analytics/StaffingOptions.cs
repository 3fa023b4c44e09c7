namespace Queue.Domain.Analytics;

/// <summary>
/// The staffing goal: at least <see cref="ServiceLevel"/> of arrivals wait no longer than their theme's target, with
/// windows busy at most <see cref="OccupancyCap"/> of the time (staff need breathing room; Erlang C overrates a window
/// that never pauses).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StaffingOptions(
    [property: Id(0)] double ServiceLevel = 0.8,
    [property: Id(1)] double OccupancyCap = 0.85)
{
    public static StaffingOptions Default { get; } = new();
}
