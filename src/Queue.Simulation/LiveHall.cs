using Queue.Contracts.Config;
using Queue.Contracts.Snapshots;

namespace Queue.Simulation;

/// <summary>
/// A hall at a moment, as a forward prediction starts from it: its configuration, each line's waiting tickets
/// (<see cref="LineState"/>), each window's state, profile and current ticket (<see cref="WindowSnapshot"/>), the demand
/// expected for the rest of the day (arrivals per interval and service times), the tidal plan applied today (null: none)
/// and how citizens are expected to behave.
/// </summary>
public sealed record LiveHall(HallConfig Hall, DateTimeOffset Now, IReadOnlyList<LineState> Lines, IReadOnlyList<WindowSnapshot> Windows, IReadOnlyList<ThemeDemand> Demand)
{
    public TidalAdvice? TidalPlan { get; init; }

    public CitizenBehaviour Behaviour { get; init; } = CitizenBehaviour.None;
}
