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
            IReadOnlyList<string> list;
            try
            {
                list = await halls.ListAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Listing the halls to open cases failed; retrying in {Interval}", Interval);
                continue;
            }

            foreach (var hall in list)
            {
                try
                {
                    await grains.GetGrain<IHallCasesGrain>(hall).CatchUpAsync();
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // One hall's failure does not hold up the others; the journal keeps its events until its book has read them.
                    logger.LogWarning(ex, "Opening the cases of hall {Hall} from its journal failed; retrying in {Interval}", hall, Interval);
                }
            }
        }
    }
}
