using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Hosting;

namespace Queue.Dashboard.Jobs;

/// <summary>
/// The recurring work of every hall, run by Hangfire: closing the day at closing time (what still waits expires) and,
/// each evening, tomorrow's tidal-window advice from history, for managers to review and apply. (The 15-minute
/// rollups need no job: the time-series store updates them in the same transaction as each event.)
/// </summary>
public sealed class QueueJobs(IGrainFactory grains, [FromKeyedServices(QueueClock.Key)] TimeProvider clock, ILogger<QueueJobs> logger)
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
                var advice = await grains.GetGrain<ITidalPlanGrain>(hallId).ComputeAsync(tomorrow);
                logger.LogInformation("Tidal advice for {HallId} on {Date}: shortfall {Shortfall}, {Switches} switches", hallId, tomorrow, advice.Shortfall, advice.Switches);
            }
            catch (QueueRuleException rule)
            {
                logger.LogWarning("No tidal advice for {HallId}: {Message}", hallId, rule.MessageEn);
            }
        }
    }
}
