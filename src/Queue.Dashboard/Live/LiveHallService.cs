using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;

namespace Queue.Dashboard.Live;

/// <summary>
/// The grain → web bridge of one web node. It observes the halls its clients watch (renewing the subscription
/// well inside the hall's observer expiry), and routes each batch of events, in order, to the SignalR groups:
/// the hall and manager groups, the zone boards, the windows, the watched tickets and the watched lines.
/// Ticket ids leave only in a ticket's own group. Snapshots and line views are pushed debounced, once per
/// node for all its clients, so a burst of calls costs one read.
/// </summary>
public sealed class LiveHallService(IGrainFactory grains, IHubContext<QueueHub, IQueueClient> hub, ILogger<LiveHallService> logger)
    : BackgroundService, IHallObserver
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ResubscribeFor = TimeSpan.FromMinutes(2);
    private readonly Channel<bool> _clusterChanges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<HallEvent[]> _inbox = Channel.CreateUnbounded<HallEvent[]>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<LiveWatch, int> _watches = new();
    private readonly ConcurrentDictionary<string, HallConfig> _configs = new();
    private readonly ConcurrentDictionary<string, long> _lastSent = new();
    private readonly ConcurrentDictionary<string, byte> _pending = new();
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private IHallObserver? _self;
    private CancellationToken _stopping;

    public Task OnEventsAsync(HallEvent[] events)
    {
        _inbox.Writer.TryWrite(events);
        return Task.CompletedTask;
    }

    public async Task WatchAsync(LiveWatch watch)
    {
        var first = !_watches.Keys.Any(w => w.HallId == watch.HallId);
        _watches.AddOrUpdate(watch, 1, (_, n) => n + 1);
        if (first || !_configs.ContainsKey(watch.HallId))
        {
            await Subscribe(watch.HallId);
        }
    }

    /// <summary>
    /// A silo left or joined the cluster: halls it hosted reactivate elsewhere without this node's subscription, so
    /// every watched hall is subscribed again now (retrying while the cluster settles) rather than at the next renewal.
    /// </summary>
    public void ClusterChanged() => _clusterChanges.Writer.TryWrite(true);

    public void Unwatch(LiveWatch watch)
    {
        if (_watches.AddOrUpdate(watch, 0, (_, n) => n - 1) <= 0)
        {
            _watches.TryRemove(new KeyValuePair<LiveWatch, int>(watch, 0));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        _self = grains.CreateObjectReference<IHallObserver>(this);
        await Task.WhenAll(Dispatch(stoppingToken), Renew(stoppingToken), Resubscribe(stoppingToken));
    }

    private async Task Renew(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var hallId in _configs.Keys)
            {
                try
                {
                    if (_watches.Keys.Any(w => w.HallId == hallId))
                    {
                        await grains.GetGrain<IHallGrain>(hallId).SubscribeAsync(_self!);
                    }
                    else if (_configs.TryRemove(hallId, out _))
                    {
                        await grains.GetGrain<IHallGrain>(hallId).UnsubscribeAsync(_self!);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Renewing the subscription to hall {HallId} failed; retrying next round", hallId);
                }
            }
        }
    }

    private async Task Resubscribe(CancellationToken stoppingToken)
    {
        await foreach (var _ in _clusterChanges.Reader.ReadAllAsync(stoppingToken))
        {
            var halls = _watches.Keys.Select(w => w.HallId).ToHashSet();
            var giveUpAt = DateTime.UtcNow + ResubscribeFor;
            while (halls.Count > 0)
            {
                foreach (var hallId in halls.ToList())
                {
                    try
                    {
                        await Subscribe(hallId);
                        halls.Remove(hallId);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogInformation("Subscribing again to hall {HallId} after a cluster change failed ({Message}); retrying", hallId, ex.Message);
                    }
                }

                if (halls.Count > 0 && DateTime.UtcNow >= giveUpAt)
                {
                    logger.LogWarning("Halls {Halls} could not be subscribed again after a cluster change; the periodic renewal keeps trying", string.Join(", ", halls));
                    break;
                }

                if (halls.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
    }

    private async Task Subscribe(string hallId)
    {
        await _subscribing.WaitAsync();
        try
        {
            var hall = grains.GetGrain<IHallGrain>(hallId);
            var config = await hall.GetConfigAsync();
            if (config is not null)
            {
                _configs[hallId] = config;
                await hall.SubscribeAsync(_self ?? throw new InvalidOperationException("the live hall service has not started"));
            }
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private async Task Dispatch(CancellationToken stoppingToken)
    {
        await foreach (var batch in _inbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Route(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Routing {Count} events of hall {HallId} failed; clients resync on the next sequence gap", batch.Length, batch.FirstOrDefault()?.HallId);
            }
        }
    }

    private async Task Route(HallEvent[] batch)
    {
        if (batch.Length == 0)
        {
            return;
        }

        var hallId = batch[0].HallId;
        var last = _lastSent.GetValueOrDefault(hallId);
        var events = batch.Where(e => e.Sequence > last).ToList();
        if (events.Count == 0)
        {
            return;
        }

        _lastSent[hallId] = events[^1].Sequence;
        if (events.Any(e => e.Kind == HallEventKind.HallConfigured) && await grains.GetGrain<IHallGrain>(hallId).GetConfigAsync() is { } fresh)
        {
            _configs[hallId] = fresh;
        }

        var config = _configs.GetValueOrDefault(hallId);
        var watches = _watches.Keys.Where(w => w.HallId == hallId).ToList();
        var broadcast = events.Select(e => e with { TicketId = null, StaffId = null }).ToList();
        EventBatch Batch(IEnumerable<HallEvent> only) => new(hallId, events[0].Sequence, events[^1].Sequence, [.. only]);
        await hub.Clients.Groups(LiveGroups.Hall(hallId), LiveGroups.Manager(hallId)).Events(Batch(broadcast));
        foreach (var zone in watches.Select(w => w.Zone).OfType<string>().Distinct())
        {
            await hub.Clients.Group(LiveGroups.Board(hallId, zone)).Events(Batch(broadcast.Where(e => InZone(config, e, zone))));
        }

        foreach (var window in watches.Select(w => w.Window).OfType<int>().Distinct())
        {
            await hub.Clients.Group(LiveGroups.Window(hallId, window)).Events(Batch(broadcast.Where(e => e.WindowNo == window || e.ToWindowNo == window)));
        }

        var watchedTickets = watches.Select(w => w.Ticket).OfType<string>().ToHashSet();
        foreach (var ticketId in events.Select(e => e.TicketId).OfType<string>().Distinct().Where(watchedTickets.Contains))
        {
            await hub.Clients.Group(LiveGroups.Ticket(ticketId)).Ticket(await grains.GetGrain<ITicketGrain>(ticketId).GetAsync());
        }

        var capacityChanged = events.Any(e => e.Kind is >= HallEventKind.WindowOpened and <= HallEventKind.HallConfigured);
        var touched = events.SelectMany(e => new[] { e.ThemeCode, e.ToThemeCode }).OfType<string>().ToHashSet();
        foreach (var theme in watches.Select(w => w.Line).OfType<string>().Distinct().Where(t => capacityChanged || touched.Contains(t)))
        {
            Later($"line:{hallId}/{theme}", async () =>
                await hub.Clients.Group(LiveGroups.Line(hallId, theme)).Line(await grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, theme)).GetLineAsync()));
        }

        if (watches.Any(w => w.Ticket is null && w.Line is null))
        {
            Later($"hall:{hallId}", async () =>
            {
                var groups = watches.Select(w => w switch
                {
                    { Zone: { } zone } => LiveGroups.Board(hallId, zone),
                    { Window: { } no } => LiveGroups.Window(hallId, no),
                    { Manager: true } => LiveGroups.Manager(hallId),
                    _ => LiveGroups.Hall(hallId),
                }).Distinct().ToList();
                await hub.Clients.Groups(groups).Hall(await grains.GetGrain<IHallGrain>(hallId).GetSnapshotAsync());
            });
        }
    }

    private static bool InZone(HallConfig? config, HallEvent e, string zone) =>
        config is null ||
        (e.ThemeCode is { } theme && config.FindTheme(theme)?.ZoneId == zone) ||
        (e.WindowNo is { } window && config.FindWindow(window)?.ZoneId == zone);

    /// <summary>Runs <paramref name="work"/> once after a short delay, however many times it is asked for meanwhile.</summary>
    private void Later(string key, Func<Task> work)
    {
        if (!_pending.TryAdd(key, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Debounce, _stopping);
                _pending.TryRemove(key, out _);
                await work();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Pushing {Key} failed", key);
            }
        });
    }
}
