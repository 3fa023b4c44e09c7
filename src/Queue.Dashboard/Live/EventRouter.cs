using System.Collections.Concurrent;
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
/// only its events) so it can tell a gap. Ticket ids leave only in a ticket's own group. Snapshots and line views are
/// pushed debounced, once per node for all its clients, so a burst of calls costs one read.
/// </summary>
public sealed class EventRouter(IGrainFactory grains, IHubContext<QueueHub, IQueueClient> hub, LiveWatches watches, ILogger<EventRouter> logger)
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<string, long> _lastSent = new();
    private readonly ConcurrentDictionary<string, byte> _pending = new();

    public CancellationToken Stopping { get; set; }

    /// <summary>Routes one batch; a batch that skips sequences is completed from the hall's journal first.</summary>
    public async Task Route(HallEvent[] batch)
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

        if (last > 0 && events[0].Sequence > last + 1)
        {
            // Observer messages may overtake each other (a cluster client especially): fill the gap from the journal.
            var missing = await grains.GetGrain<IHallGrain>(hallId).GetEventsAsync(last, (int)(events[0].Sequence - last - 1));
            events = [.. missing.Where(e => e.Sequence > last && e.Sequence < events[0].Sequence), .. events];
        }

        _lastSent[hallId] = events[^1].Sequence;
        if (events.Any(e => e.Kind == HallEventKind.HallConfigured) && await grains.GetGrain<IHallGrain>(hallId).GetConfigAsync() is { } fresh)
        {
            watches.Configs[hallId] = fresh;
        }

        var config = watches.Configs.GetValueOrDefault(hallId);
        var watching = watches.Watches(hallId).ToList();
        // What is broadcast names no ticket, staff, citizen or case assignee, and a rating's comment or a case's note (its Reason) stays in the journal: managers read it through the API.
        var broadcast = events.Select(e => e with { TicketId = null, StaffId = null, CitizenName = null, ActorId = null, CitizenKey = null, CaseAssignee = null, Reason = e.Kind is HallEventKind.TicketRated or HallEventKind.CaseUpdated ? null : e.Reason }).ToList();
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
        foreach (var ticketId in events.Select(e => e.TicketId).OfType<string>().Distinct().Where(watchedTickets.Contains))
        {
            await hub.Clients.Group(LiveGroups.Ticket(ticketId)).Ticket(await grains.GetGrain<ITicketGrain>(ticketId).GetAsync());
        }

        var capacityChanged = events.Any(e => e.Kind is >= HallEventKind.WindowOpened and <= HallEventKind.HallConfigured);
        var touched = events.SelectMany(e => new[] { e.ThemeCode, e.ToThemeCode }).OfType<string>().ToHashSet();
        foreach (var theme in watching.Select(w => w.Line).OfType<string>().Distinct().Where(t => capacityChanged || touched.Contains(t)))
        {
            Later($"line:{hallId}/{theme}", async () =>
                await hub.Clients.Group(LiveGroups.Line(hallId, theme)).Line(await grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, theme)).GetLineAsync()));
        }

        if (watching.Any(w => w.Ticket is null && w.Line is null))
        {
            Later($"hall:{hallId}", async () =>
            {
                var groups = watching.Select(w => w switch
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
                await Task.Delay(Debounce, Stopping);
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
