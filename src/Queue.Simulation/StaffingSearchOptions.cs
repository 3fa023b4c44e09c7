namespace Queue.Simulation;

/// <summary>
/// The staffing search's goal and bounds: <see cref="Goal"/> of the tickets issued in every interval called within their
/// theme's target, each plan judged on <see cref="Replications"/> simulated days (seeds <see cref="Seed"/>,
/// <see cref="Seed"/> + 1, …: every plan sees the same citizens), at most <see cref="MaxIterations"/> plans.
/// <see cref="GuardianActs"/>: whether staff follow the SLA guardian's moves in the simulated hall (false: the hall's
/// routing and the tidal plan only, the figure that does not count on staff reacting).
/// </summary>
public sealed record StaffingSearchOptions(
    double Goal = 0.95,
    int Replications = 4,
    int Seed = 1,
    int MaxIterations = 30,
    bool GuardianActs = false)
{
    public static StaffingSearchOptions Default { get; } = new();
}
