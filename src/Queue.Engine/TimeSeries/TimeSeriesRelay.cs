using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Queue.Engine.Persistence;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// Moves events from the hall journal (the outbox: <c>hall_event</c>, written in the same transaction as grain state)
/// to the time-series store. Per (store, hall) a durable cursor holds the last sequence the store acknowledged; the
/// relay reads the journal after it, writes a batch, and moves the cursor only once the write returned. So:
/// <list type="bullet">
/// <item>nothing is lost: an event stays in the journal until a write that contains it was acknowledged;</item>
/// <item>nothing is doubled: an acknowledged batch is never sent again, and a batch whose acknowledgement was lost
/// (crash, timeout) is sent again but counted once, because the stores' writes are idempotent.</item>
/// </list>
/// When the store is down or slow, the relay waits (<see cref="TimeSeriesOptions.MinBackoff"/>, doubling up to
/// <see cref="TimeSeriesOptions.MaxBackoff"/>) and retries the same batch. It runs beside the grains, never on a grain
/// turn: it reads the journal straight from <see cref="IStateStore"/>; only the list of halls comes from a grain.
/// </summary>
public sealed class TimeSeriesRelay(
    IStateStore journal, ITimeSeriesStore store, IRelayCursorStore cursors, IHallListing halls, IOptions<TimeSeriesOptions> options, ILogger<TimeSeriesRelay> logger)
    : BackgroundService
{
    private readonly Dictionary<string, long> _cursors = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var failures = 0;
        var ensured = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                if (!ensured)
                {
                    await store.EnsureCreatedAsync(stoppingToken);
                    ensured = true;
                }

                var moved = await RelayAvailableAsync(stoppingToken);
                if (failures > 0)
                {
                    logger.LogInformation("Time series store {Store} is back after {Failures} failed attempts", store.Name, failures);
                    failures = 0;
                }

                wait = moved > 0 ? TimeSpan.Zero : settings.PollInterval;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                ensured = false;
                wait = Backoff(settings, failures);
                if (failures == 1)
                {
                    logger.LogWarning(ex, "Relaying to {Store} failed ({Failures} in a row); retrying in {Wait}", store.Name, failures, wait);
                }
                else
                {
                    // The stack trace was logged at the first failure: a store down for an hour is not a thousand of them.
                    logger.LogWarning("Relaying to {Store} failed ({Failures} in a row): {Error}; retrying in {Wait}", store.Name, failures, ex.Message, wait);
                }
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Relays what the journals hold now; returns the number of events the store acknowledged.</summary>
    public async Task<int> RelayAvailableAsync(CancellationToken cancellationToken = default)
    {
        var batchSize = options.Value.BatchSize;
        var moved = 0;
        foreach (var hallId in await halls.ListAsync(cancellationToken))
        {
            if (!_cursors.TryGetValue(hallId, out var cursor))
            {
                cursor = await cursors.GetAsync(store.Name, hallId, cancellationToken);
            }

            while (true)
            {
                var events = await journal.ReadEventsAsync(hallId, cursor, batchSize, cancellationToken);
                if (events.Count == 0)
                {
                    break;
                }

                await store.WriteAsync(events, TimeSeriesSource.Live, cancellationToken);
                cursor = events[^1].Sequence;
                await cursors.SetAsync(store.Name, hallId, cursor, cancellationToken);
                _cursors[hallId] = cursor;
                moved += events.Count;
                if (events.Count < batchSize)
                {
                    break;
                }
            }
        }

        return moved;
    }

    private static TimeSpan Backoff(TimeSeriesOptions settings, int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 20));
        return TimeSpan.FromTicks((long)Math.Min(settings.MaxBackoff.Ticks, settings.MinBackoff.Ticks * factor));
    }
}
