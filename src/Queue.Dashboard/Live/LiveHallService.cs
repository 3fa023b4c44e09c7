using System.Threading.Channels;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;

namespace Queue.Dashboard.Live;

/// <summary>
/// The grain → web bridge of one web node. It observes the halls its clients watch (renewing the subscription
/// well inside the hall's observer expiry, and at once after a cluster change), and hands each batch of events to
/// the <see cref="EventRouter"/>'s lane of its hall without waiting for its fan-out.
/// </summary>
public sealed class LiveHallService(IGrainFactory grains, LiveWatches watches, EventRouter router, ILogger<LiveHallService> logger)
    : BackgroundService, IHallObserver
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ResubscribeFor = TimeSpan.FromMinutes(2);
    private readonly Channel<bool> _clusterChanges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private IHallObserver? _self;

    public Task OnEventsAsync(HallEvent[] events)
    {
        router.Post(events);
        return Task.CompletedTask;
    }

    public Task OnFiguresChangedAsync(string hallId)
    {
        router.FiguresChanged(hallId);
        return Task.CompletedTask;
    }

    /// <summary>Counts a watch (synchronously); true when this node must subscribe to its hall (<see cref="SubscribeAsync"/>).</summary>
    public bool Watch(LiveWatch watch) => watches.Add(watch) || !watches.Configs.ContainsKey(watch.HallId);

    public Task SubscribeAsync(string hallId) => Subscribe(hallId);

    /// <summary>
    /// A silo left or joined the cluster: halls it hosted reactivate elsewhere without this node's subscription, so
    /// every watched hall is subscribed again now (retrying while the cluster settles) rather than at the next renewal.
    /// </summary>
    public void ClusterChanged() => _clusterChanges.Writer.TryWrite(true);

    public void Unwatch(LiveWatch watch) => watches.Remove(watch);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _self = grains.CreateObjectReference<IHallObserver>(this);
        await Task.WhenAll(Renew(stoppingToken), Resubscribe(stoppingToken));
    }

    private async Task Renew(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var hallId in watches.Configs.Keys)
            {
                try
                {
                    if (watches.Watches(hallId).Any())
                    {
                        await grains.GetGrain<IHallGrain>(hallId).SubscribeAsync(_self!);
                    }
                    else if (watches.Configs.TryRemove(hallId, out _))
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
            var halls = watches.Halls.ToHashSet();
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
                watches.Configs[hallId] = config;
                await hall.SubscribeAsync(_self ?? throw new InvalidOperationException("the live hall service has not started"));
            }
        }
        finally
        {
            _subscribing.Release();
        }
    }
}
