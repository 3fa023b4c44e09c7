using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Api;

namespace Queue.Dashboard.Live;

/// <summary>
/// The one hub of boards, window terminals, phones and managers (/hubs/queue). Thin: it validates, joins groups,
/// registers what this node must watch, and answers with the snapshot the client starts from.
/// </summary>
public sealed class QueueHub(IGrainFactory grains, LiveHallService live) : Hub<IQueueClient>
{
    private const string WatchesKey = "watches";

    public async Task<HallSnapshot> WatchHall(string hallId, string? zoneId)
    {
        var hall = await Guard(() => Hall(hallId));
        var config = (await hall.GetConfigAsync())!;
        if (zoneId is not null && config.Zones.All(z => z.ZoneId != zoneId))
        {
            throw Refuse(QueueRuleException.NotFound("zone-not-found", $"大厅 {hallId} 没有区域 {zoneId}", $"Hall {hallId} has no zone {zoneId}"));
        }

        await Join(zoneId is null ? LiveGroups.Hall(hallId) : LiveGroups.Board(hallId, zoneId), new LiveWatch(hallId, Zone: zoneId));
        return await Guard(hall.GetSnapshotAsync);
    }

    public async Task<HallSnapshot> WatchManager(string hallId)
    {
        var hall = await Guard(() => Hall(hallId));
        await Join(LiveGroups.Manager(hallId), new LiveWatch(hallId, Manager: true));
        return await Guard(hall.GetSnapshotAsync);
    }

    public async Task<HallSnapshot> WatchWindow(string hallId, int windowNo)
    {
        var hall = await Guard(() => Hall(hallId));
        await Guard(() => grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, RequestRules.WindowNo(windowNo))).GetSnapshotAsync());
        await Join(LiveGroups.Window(hallId, windowNo), new LiveWatch(hallId, Window: windowNo));
        return await Guard(hall.GetSnapshotAsync);
    }

    public async Task<TicketWatch> WatchTicket(string ticketId)
    {
        var ticketGrain = grains.GetGrain<ITicketGrain>(await Guard(() => Task.FromResult(RequestRules.TicketId(ticketId))));
        var ticket = await Guard(ticketGrain.GetAsync);
        await Join(LiveGroups.Ticket(ticketId), new LiveWatch(ticket.HallId, Ticket: ticketId));
        await Join(LiveGroups.Line(ticket.HallId, ticket.ThemeCode), new LiveWatch(ticket.HallId, Line: ticket.ThemeCode));
        var line = ticket.IsActive ? await Guard(grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(ticket.HallId, ticket.ThemeCode)).GetLineAsync) : null;
        var config = await grains.GetGrain<IHallGrain>(ticket.HallId).GetConfigAsync();
        return new TicketWatch(ticket, line, config?.Policy.NearTurnReminder ?? 3);
    }

    /// <summary>After a gap in the sequence: the hall as it is now.</summary>
    public async Task<HallSnapshot> GetSnapshot(string hallId) => await Guard(async () => await (await Hall(hallId)).GetSnapshotAsync());

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(WatchesKey, out var value) && value is List<LiveWatch> watches)
        {
            foreach (var watch in watches)
            {
                live.Unwatch(watch);
            }
        }

        return base.OnDisconnectedAsync(exception);
    }

    private async Task Join(string group, LiveWatch watch)
    {
        await live.WatchAsync(watch);
        if (!Context.Items.TryGetValue(WatchesKey, out var value) || value is not List<LiveWatch> watches)
        {
            Context.Items[WatchesKey] = watches = [];
        }

        watches.Add(watch);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    private Task<IHallGrain> Hall(string hallId) => RequestRules.ExistingHall(grains, hallId);

    /// <summary>Refusals reach the client as a HubException with the code and both messages; nothing else leaks.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (QueueRuleException rule)
        {
            throw Refuse(rule);
        }
    }

    /// <summary>The message is JSON ({code, messageZh, messageEn}) so a client can show the language its user reads.</summary>
    private static HubException Refuse(QueueRuleException rule) =>
        new(JsonSerializer.Serialize(new { code = rule.Code, messageZh = rule.MessageZh, messageEn = rule.MessageEn }, ErrorJson));

    private static readonly JsonSerializerOptions ErrorJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
