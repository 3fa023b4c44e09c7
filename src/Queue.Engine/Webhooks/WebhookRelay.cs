using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Snapshots;
using Queue.Contracts.Webhooks;
using Queue.Engine.Persistence;
using Queue.Engine.TimeSeries;

namespace Queue.Engine.Webhooks;

/// <summary>
/// Plans webhook deliveries from the hall journal, as <see cref="TimeSeriesRelay"/> feeds the time series: per hall it
/// reads the journal after a durable cursor (<see cref="IRelayCursorStore"/>, sink <see cref="Sink"/>), writes the
/// batch's deliveries to <see cref="IWebhookDeliveryStore"/>, and moves the cursor only after that write committed. A
/// crash between the two plans the batch again, which changes nothing (a delivery's identity is hall, endpoint and
/// event id). Sending is <see cref="WebhookSender"/>'s, so a slow receiver never holds up the journal, and neither
/// touches a grain turn of a ticket command: the journal is read straight from the store; endpoints, hall configuration
/// and lines are read-only grain calls, once per hall per pass. A hall with no endpoint has its cursor moved to the
/// journal's end without reading it.
/// </summary>
public sealed class WebhookRelay(
    IStateStore journal, IWebhookDeliveryStore deliveries, IRelayCursorStore cursors, IHallListing halls, IGrainFactory grains,
    IOptions<WebhookOptions> options, ILogger<WebhookRelay> logger, [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : BackgroundService
{
    public const string Sink = "webhooks";

    private readonly Dictionary<string, long> _cursors = [];
    private DateTimeOffset _droppedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var planned = await RelayAvailableAsync(stoppingToken);
                failures = 0;
                wait = planned > 0 ? TimeSpan.Zero : settings.PollInterval;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                wait = settings.Backoff(failures);
                logger.LogWarning(failures == 1 ? ex : null, "Planning webhook deliveries failed ({Failures} in a row): {Error}; retrying in {Wait}", failures, ex.Message, wait);
            }

            try
            {
                await Task.Delay(wait == TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Deletes the finished deliveries older than <see cref="WebhookOptions.KeepDeliveriesDays"/>; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var pruned = await deliveries.PruneAsync(now - TimeSpan.FromDays(options.Value.KeepDeliveriesDays), cancellationToken);
        _prunedAt = now;
        if (pruned > 0)
        {
            logger.LogInformation("Deleted {Count} finished webhook deliveries older than {Days} days", pruned, options.Value.KeepDeliveriesDays);
        }

        return pruned;
    }

    /// <summary>Plans what the journals hold now; returns the number of events read.</summary>
    public async Task<int> RelayAvailableAsync(CancellationToken cancellationToken = default)
    {
        var batchSize = options.Value.BatchSize;
        var read = 0;
        var dropContacts = clock.GetUtcNow() - _droppedAt > TimeSpan.FromMinutes(1);
        if (clock.GetUtcNow() - _prunedAt > TimeSpan.FromHours(1))
        {
            await PruneAsync(cancellationToken);
        }

        foreach (var hallId in await halls.ListAsync(cancellationToken))
        {
            if (dropContacts)
            {
                await grains.GetGrain<IHallContactsGrain>(hallId).DropPastAsync();
            }

            // The journal's end is read before the endpoints: an endpoint added after this read sees every later event.
            var end = await journal.LastSequenceAsync(hallId, cancellationToken);
            var endpoints = (await grains.GetGrain<IHallWebhooksGrain>(hallId).ListAsync()).Where(e => e.Enabled).ToList();
            if (!_cursors.TryGetValue(hallId, out var cursor))
            {
                cursor = await cursors.GetAsync(Sink, hallId, cancellationToken);
            }

            if (endpoints.Count == 0)
            {
                if (end > cursor)
                {
                    await cursors.SetAsync(Sink, hallId, end, cancellationToken);
                    _cursors[hallId] = end;
                }

                continue;
            }

            var hall = await grains.GetGrain<IHallGrain>(hallId).GetConfigAsync();
            while (true)
            {
                var events = await journal.ReadEventsAsync(hallId, cursor, batchSize, cancellationToken);
                if (events.Count == 0)
                {
                    break;
                }

                await PlanAsync(hallId, events, endpoints, hall, cancellationToken);
                cursor = events[^1].Sequence;
                await cursors.SetAsync(Sink, hallId, cursor, cancellationToken);
                _cursors[hallId] = cursor;
                read += events.Count;
                if (events.Count < batchSize)
                {
                    break;
                }
            }
        }

        if (dropContacts)
        {
            _droppedAt = clock.GetUtcNow();
        }

        return read;
    }

    private async Task PlanAsync(
        string hallId, IReadOnlyList<Contracts.Events.HallEvent> events, List<WebhookEndpoint> endpoints, HallConfig? hall, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lines = new Dictionary<string, LineView>(StringComparer.Ordinal);
        foreach (var theme in WebhookPlanner.TouchedThemes(events))
        {
            lines[theme] = await grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, theme)).GetLineAsync();
        }

        var (planned, cancelGroups) = WebhookPlanner.PlanEvents(events, endpoints, hall, lines, now);
        var day = BusinessClock.Day(now, hall?.TimeZone ?? "Asia/Shanghai");
        foreach (var near in WebhookPlanner.NearTurns(lines, endpoints).GroupBy(n => (n.Theme, n.Number)))
        {
            var (theme, number) = near.Key;
            var ahead = near.First().Ahead;
            var eventId = WebhookPayload.NearTurnId(hallId, day, theme, number);
            var body = WebhookPayload.Ticket(eventId, WebhookEventTypes.TicketNearTurn, now, hall, hallId, theme, number, window: null, ahead);
            var contact = WebhookPlanner.NumberRef(theme, number);
            planned.AddRange(near.Select(n => new PlannedDelivery(hallId, n.Endpoint.EndpointId, eventId, WebhookEventTypes.TicketNearTurn, body, contact, null, null)));
        }

        foreach (var group in cancelGroups)
        {
            await deliveries.CancelAsync(hallId, endpointId: null, group, cancellationToken);
        }

        if (planned.Count > 0)
        {
            // Due at once unless planned for later (a reminder): a phone given with a ticket is stored before the ticket exists.
            var due = DateTimeOffset.UtcNow; // the sender reads due times on the system clock
            await deliveries.AddAsync([.. planned.Select(p => p.DueAt is null ? p with { DueAt = due } : p)], cancellationToken);
        }
    }
}
