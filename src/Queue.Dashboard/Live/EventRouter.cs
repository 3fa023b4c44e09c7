using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;

namespace Queue.Dashboard.Live;

/// <summary>
/// Routes a hall's event batches, in sequence order, to the SignalR groups: the hall and manager groups, the zone
/// boards, the windows, the watched tickets and the watched lines. Every watcher of a hall gets every batch (with
/// only its events) so it can tell a gap. Ticket ids leave only in a ticket's own group; a call keeps the citizen's
/// masked name (张*), which boards show.
/// <para>
/// Each hall has its own lane: <see cref="Post"/> (the observer's one-way call) only queues the batch, so neither the
/// command that made the events nor another hall ever waits on a hall's fan-out. A lane sends in order and, when it
/// falls behind, merges what queued meanwhile into one delivery. It holds at most <see cref="LaneCapacity"/> batches and
/// drops the oldest beyond that; the next delivery then fills the hole from the hall's journal, or (a hole wider than
/// one journal page) starts after it, and every client sees the jump and asks for a snapshot.
/// </para>
/// <para>
/// No snapshot follows a call: boards apply the events. What events cannot give (per line: waiting, longest and
/// predicted waits; the whole window wall for the manager view) is read once per hall and pushed on a slow refresh,
/// at most once per <see cref="FiguresEvery"/> whatever the call rate, and when the hall's wait forecast changes
/// (<see cref="FiguresChanged"/>): <see cref="IQueueClient.Figures"/> (lines only)
/// to boards and kiosks, <see cref="IQueueClient.Hall"/> (the snapshot) to window terminals and the manager view.
/// </para>
/// </summary>
public sealed class EventRouter(
    IGrainFactory grains, IHubContext<QueueHub, IQueueClient> hub, LiveWatches watches, IHostApplicationLifetime lifetime, ILogger<EventRouter> logger)
{
    /// <summary>The slow refresh of what events cannot give: at most one read and one push per hall in this time.</summary>
    public static readonly TimeSpan FiguresEvery = TimeSpan.FromSeconds(2);

    /// <summary>Batches a hall's lane holds before it drops the oldest.</summary>
    public const int LaneCapacity = 1024;

    private const int MaxMerged = 1000; // events in one delivery; also the widest hole filled from the journal (one page)
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<string, Channel<HallEvent[]>> _lanes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _lastSent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _figuresAt = new(StringComparer.Ordinal);

    /// <summary>Queues one batch on its hall's lane and returns at once.</summary>
    public void Post(HallEvent[] batch)
    {
        if (batch.Length > 0)
        {
            Lane(batch[0].HallId).Writer.TryWrite(batch);
        }
    }

    private Channel<HallEvent[]> Lane(string hallId)
    {
        if (_lanes.TryGetValue(hallId, out var lane))
        {
            return lane;
        }

        lock (_lanes)
        {
            if (!_lanes.TryGetValue(hallId, out lane))
            {
                lane = Channel.CreateBounded<HallEvent[]>(new BoundedChannelOptions(LaneCapacity)
                {
                    SingleReader = true,
                    FullMode = BoundedChannelFullMode.DropOldest,
                });
                _lanes[hallId] = lane;
                _ = Task.Run(() => Deliver(hallId, lane.Reader));
            }

            return lane;
        }
    }

    private async Task Deliver(string hallId, ChannelReader<HallEvent[]> reader)
    {
        var stopping = lifetime.ApplicationStopping;
        var merged = new List<HallEvent>();
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                merged.Clear();
                while (merged.Count < MaxMerged && reader.TryRead(out var batch))
                {
                    merged.AddRange(batch);
                }

                try
                {
                    await Route(hallId, merged);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // Any failure, a cancelled grain call included, costs this delivery only: the lane must keep reading.
                    logger.LogError(ex, "Routing {Count} events of hall {HallId} failed; clients resync on the next sequence gap", merged.Count, hallId);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // the node is stopping
        }
    }

    /// <summary>Routes what the lane took, in sequence order; a hole since the last delivery is filled from the hall's journal first.</summary>
    private async Task Route(string hallId, List<HallEvent> batch)
    {
        var last = _lastSent.GetValueOrDefault(hallId);
        var events = batch.Where(e => e.Sequence > last).DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence).ToList();
        if (events.Count == 0)
        {
            return;
        }

        var span = events[^1].Sequence - last;
        if (last > 0 && events.Count < span && span <= MaxMerged)
        {
            // Observer messages may overtake each other (a cluster client especially), and a lane that fell far behind
            // dropped its oldest batches: fill the hole from the journal.
            var missing = await grains.GetGrain<IHallGrain>(hallId).GetEventsAsync(last, (int)span);
            events = [.. missing.Where(e => e.Sequence > last).Concat(events).DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence)];
        }

        _lastSent[hallId] = events[^1].Sequence;
        if (events.Any(e => e.Kind == HallEventKind.HallConfigured) && await grains.GetGrain<IHallGrain>(hallId).GetConfigAsync() is { } fresh)
        {
            watches.Configs[hallId] = fresh;
        }

        var config = watches.Configs.GetValueOrDefault(hallId);
        var watching = watches.Watches(hallId).ToList();
        var broadcast = events.Select(Public).ToList();
        EventBatch Batch(IEnumerable<HallEvent> only) => new(hallId, events[0].Sequence, events[^1].Sequence, [.. only]);
        await hub.Clients.Groups(LiveGroups.Hall(hallId), LiveGroups.Manager(hallId)).Events(Batch(broadcast));
        foreach (var zone in watching.Select(w => w.Zone).OfType<string>().Distinct())
        {
            await hub.Clients.Group(LiveGroups.Board(hallId, zone)).Events(Batch(broadcast.Where(e => InZone(config, e, zone))));
        }

        foreach (var window in watching.Select(w => w.Window).OfType<int>().Distinct())
        {
            await hub.Clients.Group(LiveGroups.Window(hallId, window)).Events(Batch(broadcast.Where(e => e.WindowNo == window || e.ToWindowNo == window)));
        }

        var watchedTickets = watching.Select(w => w.Ticket).OfType<string>().ToHashSet();
        await Task.WhenAll(events.Select(e => e.TicketId).OfType<string>().Distinct().Where(watchedTickets.Contains).Select(async ticketId =>
            await hub.Clients.Group(LiveGroups.Ticket(ticketId)).Ticket(await grains.GetGrain<ITicketGrain>(ticketId).GetAsync())));

        var capacityChanged = events.Any(e => e.Kind is >= HallEventKind.WindowOpened and <= HallEventKind.HallConfigured);
        var touched = events.SelectMany(e => new[] { e.ThemeCode, e.ToThemeCode }).OfType<string>().ToHashSet();
        foreach (var theme in watching.Select(w => w.Line).OfType<string>().Distinct().Where(t => capacityChanged || touched.Contains(t)))
        {
            RefreshLine(hallId, theme);
        }

        if (watching.Any(w => w.Ticket is null && w.Line is null))
        {
            RefreshFigures(hallId);
        }
    }

    /// <summary>The hall's figures changed with no event (a new wait forecast): its watched lines and the slow refresh, if anyone watches.</summary>
    public void FiguresChanged(string hallId)
    {
        var watching = watches.Watches(hallId).ToList();
        foreach (var theme in watching.Select(w => w.Line).OfType<string>().Distinct())
        {
            RefreshLine(hallId, theme);
        }

        if (watching.Any(w => w.Ticket is null && w.Line is null))
        {
            RefreshFigures(hallId);
        }
    }

    /// <summary>A watched line's figures, read once after a short debounce however many changes ask for it meanwhile.</summary>
    private void RefreshLine(string hallId, string theme) =>
        Later($"line:{hallId}/{theme}", Debounce, async () =>
            await hub.Clients.Group(LiveGroups.Line(hallId, theme)).Line(await grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, theme)).GetLineAsync()));

    /// <summary>
    /// What a live screen may see of an event: no ticket, staff, actor, citizen key or case assignee, and a rating's
    /// comment or a case's note (its Reason) stays in the journal (managers read it through the API). A call or recall
    /// keeps the citizen's masked name (张*), which the boards and window LEDs show.
    /// </summary>
    public static HallEvent Public(HallEvent e) => e with
    {
        TicketId = null,
        StaffId = null,
        CitizenName = e.Kind is HallEventKind.TicketCalled or HallEventKind.TicketRecalled ? e.CitizenName : null,
        ActorId = null,
        CitizenKey = null,
        CaseAssignee = null,
        Reason = e.Kind is HallEventKind.TicketRated or HallEventKind.CaseUpdated ? null : e.Reason,
    };

    private static bool InZone(HallConfig? config, HallEvent e, string zone) =>
        config is null ||
        (e.ThemeCode is { } theme && config.FindTheme(theme)?.ZoneId == zone) ||
        (e.WindowNo is { } window && config.FindWindow(window)?.ZoneId == zone);

    /// <summary>
    /// The slow refresh: one snapshot read shortly after the first change, then at most one per <see cref="FiguresEvery"/>
    /// while the hall keeps changing, pushed to whoever watches the hall then.
    /// </summary>
    private void RefreshFigures(string hallId)
    {
        var since = _figuresAt.TryGetValue(hallId, out var at) ? Stopwatch.GetElapsedTime(at) : TimeSpan.MaxValue;
        var wait = since >= FiguresEvery - Debounce ? Debounce : FiguresEvery - since;
        Later($"figures:{hallId}", wait, async () =>
        {
            _figuresAt[hallId] = Stopwatch.GetTimestamp();
            var snapshot = await grains.GetGrain<IHallGrain>(hallId).GetSnapshotAsync();
            var watching = watches.Watches(hallId).Where(w => w.Ticket is null && w.Line is null).ToList();
            var figures = watching.Select(w => w switch
            {
                { Zone: { } zone } => LiveGroups.Board(hallId, zone),
                { Window: null, Manager: false } => LiveGroups.Hall(hallId),
                _ => null,
            }).OfType<string>().Distinct().ToList();
            var whole = watching.Select(w => w switch
            {
                { Window: { } no } => LiveGroups.Window(hallId, no),
                { Manager: true } => LiveGroups.Manager(hallId),
                _ => null,
            }).OfType<string>().Distinct().ToList();
            if (figures.Count > 0)
            {
                await hub.Clients.Groups(figures).Figures(HallFigures.Of(snapshot));
            }

            if (whole.Count > 0)
            {
                await hub.Clients.Groups(whole).Hall(snapshot);
            }
        });
    }

    /// <summary>Runs <paramref name="work"/> once after <paramref name="delay"/>, however many times it is asked for meanwhile.</summary>
    private void Later(string key, TimeSpan delay, Func<Task> work)
    {
        if (!_pending.TryAdd(key, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, lifetime.ApplicationStopping);
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
