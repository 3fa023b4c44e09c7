using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Queue.Contracts.Grains;
using Queue.Engine.TimeSeries;

namespace Queue.Engine.Cases;

/// <summary>
/// Asks every hall's case book to catch up with its journal every <see cref="Interval"/>, so that a 差评's follow-up or a
/// 没办成 case is opened (and journaled) within seconds even when no manager reads the cases. The grain's own cursor makes
/// the call idempotent: in a cluster every silo may ask, and each event still opens at most one case.
/// </summary>
public sealed class CaseOpener(IGrainFactory grains, IHallListing halls, ILogger<CaseOpener> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var hall in await halls.ListAsync(stoppingToken))
                {
                    await grains.GetGrain<IHallCasesGrain>(hall).CatchUpAsync();
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The next tick tries again; the journal keeps every event until a case book has read it.
                logger.LogWarning(ex, "Opening cases from the journal failed; retrying in {Interval}", Interval);
            }
        }
    }
}
