using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Hosting;

namespace Queue.Dashboard.Jobs;

/// <summary>
/// The recurring work of every hall, run by Hangfire: closing the day at closing time (what still waits expires) and,
/// each evening, tomorrow's tidal-window advice from history, checked by simulation, for managers to review and apply; a
/// day that will miss the target even with every window open is flagged with the advice and logged. (The 15-minute
/// rollups need no job: the time-series store updates them in the same transaction as each event.)
/// </summary>
public sealed class QueueJobs(IGrainFactory grains, Api.AdviceCheck adviceCheck, [FromKeyedServices(QueueClock.Key)] TimeProvider clock, ILogger<QueueJobs> logger)
{
    /// <summary>Every hall in turn; one hall that fails (its silo restarting, say) is logged and does not stop the others.</summary>
    public async Task CloseDaysAsync()
    {
        foreach (var hallId in await grains.GetGrain<IHallDirectoryGrain>(0).ListAsync())
        {
            try
            {
                var expired = await grains.GetGrain<IHallGrain>(hallId).CloseDayIfDueAsync();
                if (expired > 0)
                {
                    logger.LogInformation("Closed the day at hall {HallId}: {Expired} tickets expired", hallId, expired);
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or QueueRuleException)
            {
                logger.LogWarning(ex, "Could not close the day at hall {HallId}; the next run tries again", hallId);
            }
        }
    }

    public async Task AdviseTomorrowAsync()
    {
        foreach (var hallId in await grains.GetGrain<IHallDirectoryGrain>(0).ListAsync())
        {
            var config = await grains.GetGrain<IHallGrain>(hallId).GetConfigAsync();
            if (config is null)
            {
                continue;
            }

            var tomorrow = BusinessClock.Day(clock.GetUtcNow(), config.TimeZone).AddDays(1);
            try
            {
                var advice = await adviceCheck.ComputeAsync(hallId, tomorrow);
                logger.LogInformation("Tidal advice for {HallId} on {Date}: Erlang C shortfall {Shortfall}, {Switches} switches", hallId, tomorrow, advice.Shortfall, advice.Switches);
                if (advice.Check is { MeetsGoal: false } check)
                {
                    logger.LogWarning(
                        "{HallId} will miss its target on {Date}: even with every window open, {Missed} half hours keep fewer than {Goal:P0} of citizens within target (simulated; shortfall {Shortfall} window × half hours, {Share:P1} within target over the day)",
                        hallId, tomorrow, check.Intervals.Count(i => i.ShareWithinTarget < check.Goal), check.Goal, check.Shortfall, check.ShareWithinTarget);
                }
                else if (advice.Check is { } met)
                {
                    logger.LogInformation("Simulated for {HallId} on {Date}: {WindowHours} window-hours meet the goal (Erlang C: {ErlangWindowHours})", hallId, tomorrow, met.WindowHours, met.ErlangWindowHours);
                }
            }
            catch (QueueRuleException rule)
            {
                logger.LogWarning("No tidal advice for {HallId}: {Message}", hallId, rule.MessageEn);
            }
        }
    }
}
