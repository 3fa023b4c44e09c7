using Queue.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Queue.Contracts.Grains;

namespace Queue.Silo.Hosting;

/// <summary>
/// Once a minute, asks every hall to close its day if it is past closing time: what is still waiting expires.
/// (A hall that was down at closing time also expires yesterday's tickets on its first command of the new day.)
/// </summary>
public sealed class DayCloseService(IGrainFactory grains, [FromKeyedServices(QueueClock.Key)] TimeProvider clock, ILogger<DayCloseService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var hallId in await grains.GetGrain<IHallDirectoryGrain>(0).ListAsync())
                {
                    var expired = await grains.GetGrain<IHallGrain>(hallId).CloseDayIfDueAsync();
                    if (expired > 0)
                    {
                        logger.LogInformation("Closed the day at hall {HallId}: {Expired} tickets expired", hallId, expired);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Day close pass failed; retrying in a minute");
            }
        }
    }
}
