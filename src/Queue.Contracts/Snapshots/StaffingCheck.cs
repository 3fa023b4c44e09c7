using System.Collections.Immutable;

namespace Queue.Contracts.Snapshots;

/// <summary>
/// The tidal advice checked by simulation (仿真核定): starting from Erlang C's windows per interval, the hall-day simulator
/// runs the hall with its real window profiles (comprehensive and ordered windows pooling several themes) and the tidal
/// plan, and adjusts the open windows interval by interval until the fewest window-hours keep <see cref="Goal"/> of the
/// citizens within their theme's target (30 minutes), or every window is open.
/// </summary>
/// <param name="Goal">The share of tickets, issued in each interval, to be called within their theme's target (0.95).</param>
/// <param name="Intervals">Per 30-minute interval: Erlang C's windows beside the simulated ones.</param>
/// <param name="ShareWithinTarget">The day's simulated share within target under the checked windows.</param>
/// <param name="ErlangWindowHours">Erlang C's windows summed over the intervals, in hours (uncapped: it may exceed the hall).</param>
/// <param name="WindowHours">The checked windows summed over the intervals, in hours.</param>
/// <param name="Shortfall">Window × half-hour slots missing where even every window misses the goal (0: the goal is met).</param>
/// <param name="MeetsGoal">Whether every interval meets the goal with the hall's windows.</param>
/// <param name="Replications">Simulated days per plan (common random numbers: the same citizens for every plan tried).</param>
/// <param name="Seed">The first day's seed; the same seed gives the same check.</param>
/// <param name="Iterations">Plans simulated.</param>
/// <param name="Stable">Whether the search stopped because no interval changed any more (false: it hit its iteration bound).</param>
[GenerateSerializer, Immutable]
public sealed record StaffingCheck(
    [property: Id(0)] double Goal,
    [property: Id(1)] ImmutableArray<StaffingCheckInterval> Intervals,
    [property: Id(2)] double ShareWithinTarget,
    [property: Id(3)] double ErlangWindowHours,
    [property: Id(4)] double WindowHours,
    [property: Id(5)] int Shortfall,
    [property: Id(6)] bool MeetsGoal,
    [property: Id(7)] int Replications,
    [property: Id(8)] int Seed,
    [property: Id(9)] int Iterations,
    [property: Id(10)] bool Stable);

/// <summary>
/// One interval of a <see cref="StaffingCheck"/>: Erlang C's windows (each theme staffed as if it queued alone, summed;
/// it may exceed the hall), the windows the simulation keeps open, the simulated share of the interval's tickets called
/// within target, and the windows still missing (0 unless every window is open and the goal is still missed).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StaffingCheckInterval(
    [property: Id(0)] int Interval,
    [property: Id(1)] int ErlangC,
    [property: Id(2)] int Simulated,
    [property: Id(3)] double ShareWithinTarget,
    [property: Id(4)] int Shortfall);
