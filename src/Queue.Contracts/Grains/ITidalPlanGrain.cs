using System.Collections.Immutable;
using Orleans.Concurrency;
using Queue.Contracts.Snapshots;

namespace Queue.Contracts.Grains;

/// <summary>
/// A hall's tidal-window plans (key: hall id): advice computed per day from history, and the plan a manager
/// applied, which this grain then follows by switching the hall's tidal windows at each interval boundary.
/// </summary>
[Alias("Queue.ITidalPlanGrain")]
public interface ITidalPlanGrain : IGrainWithStringKey
{
    /// <summary>Compute the day's advice from the hall's history (the weeks before it) and keep it, unless that day's plan is applied.</summary>
    /// <summary>Nothing but activation: a hall wakes its plan on activation, so an applied plan is followed after a restart.</summary>
    [Alias("Wake"), OneWay]
    Task WakeAsync();

    [Alias("Compute")]
    Task<TidalAdvice> ComputeAsync(DateOnly date);

    [Alias("Get")]
    Task<TidalAdvice?> GetAsync(DateOnly date);

    /// <summary>
    /// Keep the simulation's check (<see cref="StaffingCheck"/>) with the day's advice, if that advice is still the one
    /// computed at <paramref name="computedAt"/> (applied or not); returns the day's advice as kept.
    /// </summary>
    [Alias("Check")]
    Task<TidalAdvice> CheckAsync(DateOnly date, DateTimeOffset computedAt, StaffingCheck check);

    /// <summary>Apply the day's advice (today or later): the tidal windows follow it from then on.</summary>
    [Alias("Apply")]
    Task<TidalAdvice> ApplyAsync(DateOnly date);

    /// <summary>Apply as <see cref="ApplyAsync(DateOnly)"/>, journaled with the manager who applied it.</summary>
    [Alias("ApplyBy")]
    Task<TidalAdvice> ApplyAsync(DateOnly date, string? actorId);

    /// <summary>
    /// Replace the day's plan (today or later, not applied) by one drawn cell by cell (the what-if's grid): each tidal
    /// window's theme per interval, standby elsewhere; the day's advice is computed first when there is none. Apply it as any advice.
    /// </summary>
    [Alias("Plan")]
    Task<TidalAdvice> PlanAsync(DateOnly date, ImmutableArray<TidalPlanCell> cells);

    /// <summary>
    /// Undo the day's applied plan (today or later): the advice is kept, unapplied, and if the day is today each tidal
    /// window goes back to its configured profile at once.
    /// </summary>
    [Alias("Undo")]
    Task<TidalAdvice> UndoAsync(DateOnly date);

    /// <summary>Undo as <see cref="UndoAsync(DateOnly)"/>, journaled with the manager who undid it.</summary>
    [Alias("UndoBy")]
    Task<TidalAdvice> UndoAsync(DateOnly date, string? actorId);
}
