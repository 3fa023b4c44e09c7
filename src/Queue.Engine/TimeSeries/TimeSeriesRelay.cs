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
/// The cursor is saved when the relay has caught up, at most a second after it moved otherwise, and when the relay stops:
/// under load a cursor transaction per batch (an fsync, and a wait for the journal writer's lock on a pool thread) was a
/// third of the product's busy thread time. A crash loses at most that second of cursor, and the batches after it are
/// sent again and counted once, as above.
/// While events keep coming, it gathers them for up to <see cref="BusyPause"/> between passes rather than reading every
/// journal again at once. When the store is down or slow, the relay waits (<see cref="TimeSeriesOptions.MinBackoff"/>, doubling up to
/// <see cref="TimeSeriesOptions.MaxBackoff"/>) and retries the same batch. It runs beside the grains, never on a grain
/// turn: it reads the journal straight from <see cref="IStateStore"/>; only the list of halls comes from a grain.
/// </summary>
public sealed class TimeSeriesRelay(
    IStateStore journal, ITimeSeriesStore store, IRelayCursorStore cursors, IHallListing halls, IOptions<TimeSeriesOptions> options, ILogger<TimeSeriesRelay> logger)
    : BackgroundService
{
    /// <summary>The longest a moved cursor waits to be saved while events keep coming.</summary>
    public static readonly TimeSpan CursorSaveInterval = TimeSpan.FromSeconds(1);

    /// <summary>The pause between passes while events keep coming (no longer than the poll interval).</summary>
    public static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, long> _cursors = [];
    private readonly HashSet<string> _unsaved = [];
    private long _savedAt = Environment.TickCount64;

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

                if (moved == 0 || Environment.TickCount64 - _savedAt >= CursorSaveInterval.TotalMilliseconds)
                {
                    await SaveCursorsAsync(stoppingToken);
                }

                wait = moved == 0 ? settings.PollInterval : TimeSpan.FromTicks(Math.Min(BusyPause.Ticks, settings.PollInterval.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break; // stopped in the middle of a pass: what was acknowledged is saved below
            }
            catch (Exception ex)
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
                    break;
                }
            }
        }

        // What the store acknowledged before the stop keeps its cursor.
        try
        {
            await SaveCursorsAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Saving the relay's cursors for {Store} at shutdown failed; the last batches will be sent again", store.Name);
        }
    }

    /// <summary>Saves the cursors that moved since the last save.</summary>
    public async Task SaveCursorsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var hallId in _unsaved.ToList())
        {
            await cursors.SetAsync(store.Name, hallId, _cursors[hallId], cancellationToken);
            _unsaved.Remove(hallId);
        }

        _savedAt = Environment.TickCount64;
    }

    /// <summary>Relays what the journals hold now; returns the number of events the store acknowledged. The cursors moved are saved by <see cref="SaveCursorsAsync"/>.</summary>
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
                _cursors[hallId] = cursor;
                _unsaved.Add(hallId);
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
