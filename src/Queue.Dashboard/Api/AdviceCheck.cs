using Queue.Contracts.Grains;
using Queue.Contracts.Snapshots;
using Queue.Simulation;

namespace Queue.Dashboard.Api;

/// <summary>
/// The tidal advice checked by simulation: the tidal plan grain computes the day's advice from history (Erlang C per
/// theme), then <see cref="StaffingSearch"/> simulates the hall with its pooling windows and the tidal plan and finds the
/// fewest windows per interval that keep <see cref="StaffingSearchOptions.Goal"/> of the citizens within target; the
/// grain keeps the check with the advice. The search runs here, off the request thread and off the silo's grains, bounded
/// by its iterations and by <see cref="TimeCap"/>: past it the advice is returned unchecked (and logged).
/// </summary>
public sealed class AdviceCheck(IGrainFactory grains, ILogger<AdviceCheck> logger)
{
    public static TimeSpan TimeCap { get; set; } = TimeSpan.FromSeconds(30);

    public static StaffingSearchOptions Options { get; set; } = StaffingSearchOptions.Default;

    /// <summary>Compute the day's advice and check it (an applied plan is kept as it is, and checked if it was not yet).</summary>
    public async Task<TidalAdvice> ComputeAsync(string hallId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var tidal = grains.GetGrain<ITidalPlanGrain>(hallId);
        var advice = await tidal.ComputeAsync(date);
        // A closed day by the hall calendar has an empty plan with its note: nothing to simulate.
        if (advice.Check is not null || advice.Intervals.IsDefaultOrEmpty || await grains.GetGrain<IHallGrain>(hallId).GetConfigAsync() is not { } hall)
        {
            return advice;
        }

        using var cap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cap.CancelAfter(TimeCap);
        try
        {
            var result = await Task.Run(() => StaffingSearch.Run(StaffingSearch.Scenario(hall, advice), advice, Options, cap.Token), cap.Token);
            return await tidal.CheckAsync(date, advice.ComputedAt, result.Check);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The simulation check of the tidal advice for {HallId} on {Date} took longer than {Seconds} s; the advice is kept unchecked", hallId, date, TimeCap.TotalSeconds);
            return advice;
        }
    }
}
