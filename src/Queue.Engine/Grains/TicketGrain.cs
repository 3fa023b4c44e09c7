using Queue.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Engine.Persistence;

namespace Queue.Engine.Grains;

/// <summary>
/// The citizen's handle. The id names the hall and the theme the ticket was issued in; the ticket is looked up
/// there, following transfers, and for a past day rebuilt from the hall journal. It keeps only the rating, whose event
/// carries the wait, window and staff the journal recorded for the ticket (<see cref="RatedService"/>).
/// </summary>
public sealed class TicketGrain(
    [PersistentState("ticket", QueueGrainStorage.ProviderName)] IPersistentState<TicketGrainState> state,
    IStateStore store,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<TicketGrainState>(state), ITicketGrain
{
    private const int MaxTransferHops = 16;

    public async Task<TicketSnapshot> GetAsync() => (await Locate()).Ticket;

    public async Task<TicketSnapshot> CancelAsync() => WithRating(await (await Live()).CancelAsync(this.GetPrimaryKeyString()));

    public async Task<TicketSnapshot> RejoinAsync() => WithRating(await (await Live()).RejoinAsync(this.GetPrimaryKeyString()));

    public async Task<TicketSnapshot> ResumeHoldAsync() => WithRating(await (await Live()).ResumeHoldAsync(this.GetPrimaryKeyString()));

    public async Task<TicketSnapshot> ArriveAsync() => WithRating(await (await Live()).ArriveAsync(this.GetPrimaryKeyString()));

    public async Task<TicketSnapshot> RateAsync(RateService command)
    {
        if (command.Level is < 1 or > 5)
        {
            throw Refusals.RatingLevel();
        }

        var (ticket, _) = await Locate();
        if (ticket.Status != TicketStatus.Completed)
        {
            throw Refusals.RateBeforeDone();
        }

        if (State.Rating is not null)
        {
            throw Refusals.AlreadyRated();
        }

        // The wait, window and staff as the journal recorded them at the call and the completion.
        var served = RatedService.From(await store.ReadTicketEventsAsync(ticket.TicketId));
        State.Rating = command.Level;
        State.Comment = command.Comment;
        State.RatedAt = clock.GetUtcNow();
        State.PendingEvents.Add(new HallEvent(
            ticket.HallId, 0, State.RatedAt.Value, HallEventKind.TicketRated, ticket.TicketId, ticket.DisplayNumber, ticket.ThemeCode,
            served.WindowNo ?? ticket.WindowNo, ticket.Priority, ticket.Channel, Rating: command.Level, Reason: command.Comment,
            WaitSeconds: served.WaitSeconds, StaffId: served.StaffId, CitizenName: ticket.CitizenName, RealName: served.RealName ? true : null));
        await SaveAsync();
        return WithRating(ticket);
    }

    private async Task<IThemeQueueGrain> Live()
    {
        var (_, theme) = await Locate();
        return theme ?? throw Refusals.TicketClosed();
    }

    /// <summary>The ticket, and the theme grain that holds it today (null for a past day).</summary>
    private async Task<(TicketSnapshot Ticket, IThemeQueueGrain? Theme)> Locate()
    {
        var id = this.GetPrimaryKeyString();
        if (!GrainKeys.TryParseTicketId(id, out var hallId, out var themeCode))
        {
            throw NotFound();
        }

        var hall = await GrainFactory.GetGrain<IHallGrain>(hallId).GetConfigAsync() ?? throw NotFound();
        if (hall.FindTheme(themeCode) is null)
        {
            throw NotFound();
        }

        TicketSnapshot? last = null;
        IThemeQueueGrain? lastTheme = null;
        for (var hop = 0; hop < MaxTransferHops; hop++)
        {
            var theme = GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, themeCode));
            var found = await theme.FindAsync(id);
            if (found is null)
            {
                break;
            }

            (last, lastTheme) = (found.Ticket, theme);
            if (found.ForwardedTo is not { } next || next == themeCode)
            {
                return (WithRating(found.Ticket), theme);
            }

            themeCode = next;
        }

        if (last is not null)
        {
            return (WithRating(last), lastTheme);
        }

        var history = TicketHistory.Rebuild(await store.ReadTicketEventsAsync(id), hall.TimeZone) ?? throw NotFound();
        // A theme that restarted has forgotten the tickets it handed on (finished ones leave its state); the journal
        // knows where a live one went.
        if (history.IsActive && history.ThemeCode != themeCode && hall.FindTheme(history.ThemeCode) is not null)
        {
            var holder = GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, history.ThemeCode));
            if (await holder.FindAsync(id) is { } moved)
            {
                return (WithRating(moved.Ticket), holder);
            }
        }

        return (WithRating(history), null);
    }

    private TicketSnapshot WithRating(TicketSnapshot ticket) => ticket with { Rating = State.Rating ?? ticket.Rating };

    private static QueueRuleException NotFound() => Refusals.TicketNotFound();
}
