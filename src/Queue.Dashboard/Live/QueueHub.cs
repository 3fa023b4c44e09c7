using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Queue.Contracts;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Dashboard.Http;
using Queue.Dashboard.Security;

namespace Queue.Dashboard.Live;

/// <summary>
/// The one hub of boards, window terminals, phones and managers (/hubs/queue). Thin: it checks the caller against
/// <see cref="AccessRules"/>, validates, joins groups, registers what this node must watch, and answers with the
/// snapshot the client starts from. Anyone may connect (a phone has no account); every method decides who may call it:
/// the hall's displays for hall, zone, window and manager views, the ticket's link (or the hall's staff) for a ticket.
/// </summary>
public sealed class QueueHub(IGrainFactory grains, LiveHallService live, QueueKeys keys, LiveConnections connections) : Hub<IQueueClient>
{
    private const string WatchesKey = "watches";

    public override Task OnConnectedAsync()
    {
        connections.Connected(Context);
        return base.OnConnectedAsync();
    }

    public async Task<HallSnapshot> WatchHall(string hallId, string? zoneId)
    {
        Authorize(Permission.Display, hallId);
        var config = await Guard(() => RequestRules.HallConfig(grains, hallId));
        var hall = grains.GetGrain<IHallGrain>(hallId);
        if (zoneId is not null && config.Zones.All(z => z.ZoneId != zoneId))
        {
            throw Refuse(Refusals.ZoneNotFound(hallId, zoneId));
        }

        await Join(zoneId is null ? LiveGroups.Hall(hallId) : LiveGroups.Board(hallId, zoneId), new LiveWatch(hallId, Zone: zoneId));
        return await Guard(hall.GetSnapshotAsync);
    }

    /// <summary>The manager page and the big screen: the whole hall, alerts included.</summary>
    public async Task<HallSnapshot> WatchManager(string hallId)
    {
        Authorize(Permission.Display, hallId);
        var hall = await Guard(() => Hall(hallId));
        await Join(LiveGroups.Manager(hallId), new LiveWatch(hallId, Manager: true));
        return await Guard(hall.GetSnapshotAsync);
    }

    public async Task<HallSnapshot> WatchWindow(string hallId, int windowNo)
    {
        Authorize(Permission.Display, hallId);
        var config = await Guard(() => RequestRules.HallConfig(grains, hallId));
        if (config.FindWindow(Guard(() => RequestRules.WindowNo(windowNo))) is null)
        {
            throw Refuse(Refusals.WindowNotFound(hallId, windowNo)); // from the configuration: no window grain woken for a window that is not there
        }

        var hall = grains.GetGrain<IHallGrain>(hallId);
        await Guard(() => grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, windowNo)).GetSnapshotAsync());
        await Join(LiveGroups.Window(hallId, windowNo), new LiveWatch(hallId, Window: windowNo));
        return await Guard(hall.GetSnapshotAsync);
    }

    /// <summary>The citizen's phone, with the key from the ticket's link; staff of the hall need none.</summary>
    public async Task<TicketWatch> WatchTicket(string ticketId, string? key)
    {
        var caller = Caller.From(Context.User);
        var mayOperate = GrainKeys.TryParseTicketId(ticketId, out var ticketHall, out _) && AccessRules.Allows(caller, Permission.Operate, ticketHall);
        if (!mayOperate && !await keys.IsTicketKeyAsync(ticketId, key))
        {
            throw Refuse(Refusals.TicketKey(signedIn: caller.Kind != CallerKind.Anonymous));
        }

        var ticketGrain = grains.GetGrain<ITicketGrain>(await Guard(() => Task.FromResult(RequestRules.TicketId(ticketId))));
        var ticket = await Guard(ticketGrain.GetAsync);
        await Join(LiveGroups.Ticket(ticketId), new LiveWatch(ticket.HallId, Ticket: ticketId));
        await Join(LiveGroups.Line(ticket.HallId, ticket.ThemeCode), new LiveWatch(ticket.HallId, Line: ticket.ThemeCode));
        var line = ticket.IsActive ? await Guard(grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(ticket.HallId, ticket.ThemeCode)).GetLineAsync) : null;
        var config = await grains.GetGrain<IHallGrain>(ticket.HallId).GetConfigAsync();
        return new TicketWatch(ticket, line, config?.Policy.NearTurnReminder ?? 3);
    }

    /// <summary>After a gap in the sequence: the hall as it is now.</summary>
    public async Task<HallSnapshot> GetSnapshot(string hallId)
    {
        Authorize(Permission.Display, hallId);
        return await Guard(async () => await (await Hall(hallId)).GetSnapshotAsync());
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Disconnected(Context);
        Watches().Close();
        return base.OnDisconnectedAsync(exception);
    }

    private async Task Join(string group, LiveWatch watch)
    {
        var (added, first) = Guard(() => Watches().TryAdd(watch, out var subscribe) ? (true, subscribe) : (false, false));
        if (!added)
        {
            return; // gone already, or watching it already (and in its group)
        }

        if (first)
        {
            await live.SubscribeAsync(watch.HallId);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    private ConnectionWatches Watches()
    {
        lock (Context.Items)
        {
            if (!Context.Items.TryGetValue(WatchesKey, out var value) || value is not ConnectionWatches watches)
            {
                Context.Items[WatchesKey] = watches = new ConnectionWatches(live);
            }

            return watches;
        }
    }

    /// <summary>Refuses before anything is looked up, so a caller without the right learns nothing, not even whether the hall exists.</summary>
    private void Authorize(Permission permission, string hallId)
    {
        var caller = Caller.From(Context.User);
        if (!AccessRules.Allows(caller, permission, hallId))
        {
            throw Refuse(AccessRules.Refusal(caller));
        }
    }

    private Task<IHallGrain> Hall(string hallId) => RequestRules.ExistingHall(grains, hallId);

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (QueueRuleException rule)
        {
            throw Refuse(rule);
        }
    }

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
