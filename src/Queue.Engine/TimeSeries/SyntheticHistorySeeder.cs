using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Queue.Domain;
using Queue.Hosting;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// On first start, writes <see cref="TimeSeriesOptions.HistoryWeeks"/> weeks of <see cref="SimulatedHistory"/> (or, with
/// <see cref="TimeSeriesOptions.SimulateHistory"/> off, <see cref="SyntheticHistory"/>) for the demo
/// hall, ending yesterday, into the time-series store with <c>source=synthetic</c>, so that heatmaps and advice have
/// data at once. Only when the demo hall is seeded and <see cref="TimeSeriesOptions.SeedHistory"/> is on. Done once per
/// store: a marker in the relay cursors (sink "<i>store</i>:synthetic") records it. A start interrupted half-way writes
/// the same history again the same day (idempotent); on a later day it would add a shifted copy of the missing part.
/// </summary>
public sealed class SyntheticHistorySeeder(
    ITimeSeriesStore store,
    IRelayCursorStore cursors,
    IOptions<TimeSeriesOptions> options,
    IOptions<QueueSiloOptions> siloOptions,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock,
    ILogger<SyntheticHistorySeeder> logger) : BackgroundService
{
    private const int BatchSize = 5000;

    public string MarkerSink => $"{store.Name}:synthetic";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || !settings.SeedHistory || !siloOptions.Value.SeedDemoHall || settings.HistoryWeeks == 0)
        {
            return;
        }

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await SeedAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)));
                if (attempt == 1)
                {
                    logger.LogWarning(ex, "Writing synthetic history to {Store} failed; retrying in {Wait}", store.Name, wait);
                }
                else
                {
                    logger.LogWarning("Writing synthetic history to {Store} failed again: {Error}; retrying in {Wait}", store.Name, ex.Message, wait);
                }
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    /// <summary>Writes the history unless the marker says it is there; returns the number of events written.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var hall = DemoHall.Load();
        if (await cursors.GetAsync(MarkerSink, hall.HallId, cancellationToken) > 0)
        {
            return 0;
        }

        var settings = options.Value;
        var today = BusinessClock.Day(clock.GetUtcNow(), hall.TimeZone);
        var first = today.AddDays(-7 * settings.HistoryWeeks);
        var events = settings.SimulateHistory
            ? SimulatedHistory.Build(hall, first, settings.HistoryWeeks, settings.HistorySeed, settings.HistoryVolume)
            : SyntheticHistory.Build(hall, first, settings.HistoryWeeks, settings.HistorySeed, settings.HistoryVolume);
        await store.EnsureCreatedAsync(cancellationToken);
        foreach (var batch in events.Chunk(BatchSize))
        {
            await store.WriteAsync(batch, TimeSeriesSource.Synthetic, cancellationToken);
        }

        await cursors.SetAsync(MarkerSink, hall.HallId, Math.Max(1, events.Count), cancellationToken);
        logger.LogInformation("Wrote {Weeks} weeks of synthetic history for {HallId} ({Events} events) to {Store}", settings.HistoryWeeks, hall.HallId, events.Count, store.Name);
        return events.Count;
    }
}
