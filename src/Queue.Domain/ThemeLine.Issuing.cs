using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>A theme's line, issuing: new tickets and the citizen's own moves (cancel, rejoin after a no-show, resume a hold).</summary>
public sealed partial class ThemeLine
{
    /// <summary>
    /// Issues a ticket, or returns the one issued before for the same request id. When that ticket has finished
    /// and left the state since a restart, throws <see cref="RetiredTicketException"/>: the journal has it.
    /// </summary>
    public TicketRecord Issue(IssueTicket command)
    {
        if (command.RequestId is { } requestId && state.RequestIds.TryGetValue(requestId, out var existing))
        {
            return Lookup(existing) ?? throw new RetiredTicketException(existing);
        }

        // The theme's zone must be open and the ticket not past the theme's cut-off (the calendar's rule; 409 saying when it opens next).
        context.Calendar?.EnsureCanIssue(context.Theme, now);

        var number = ++state.LastNumber;
        var waitFrom = command.WaitFrom is { } from && from > now ? from : now;
        var ticket = new TicketRecord
        {
            TicketId = ProposedId(command.TicketId) ?? GrainKeys.NewTicketId(context.HallId, Code),
            DisplayNumber = $"{context.Theme.Prefix}{number:000}",
            Priority = command.Priority,
            Channel = command.Channel,
            Status = TicketStatus.Waiting,
            IssuedAt = now,
            WaitingSince = waitFrom,
            QueuedAt = waitFrom,
            BusinessDay = state.BusinessDay,
            Arrival = ++state.Arrivals,
            CitizenKey = command.CitizenKey,
            CitizenName = command.CitizenName,
            TravelMinutes = command.Channel == IssueChannel.Remote ? command.TravelMinutes : null,
        };
        state.Tickets.Add(ticket.TicketId, ticket);
        if (command.RequestId is { } id)
        {
            state.RememberRequest(id, ticket.TicketId);
        }

        // The citizen's keyed hash (the one-trip rate; never broadcast) and RealName (a real-name 差评 opens a follow-up).
        Emit(HallEventKind.TicketIssued, ticket, new EventDetails(CitizenKey: ticket.CitizenKey, RealName: ticket.CitizenKey is null ? null : true));
        return ticket;
    }

    /// <summary>The id the web node chose (a phone for notifications is already stored under it), when it is one of this theme's and unused.</summary>
    private string? ProposedId(string? ticketId) =>
        ticketId is not null && GrainKeys.TryParseTicketId(ticketId, out var hallId, out var themeCode)
        && hallId == context.HallId && themeCode == Code && !state.Tickets.ContainsKey(ticketId)
            ? ticketId
            : null;

    public TicketRecord Cancel(string ticketId)
    {
        var ticket = Find(ticketId);
        if (ticket.Status is not (TicketStatus.Waiting or TicketStatus.OnHold))
        {
            throw Refusals.CannotCancel(ticket.DisplayNumber, ticket.Status);
        }

        ticket.Status = TicketStatus.Cancelled;
        ticket.FinishedAt = now;
        Emit(HallEventKind.TicketCancelled, ticket);
        Retire(ticket);
        return ticket;
    }

    /// <summary>A no-show rejoins once, behind <see cref="Contracts.Config.RoutingPolicy.NoShowRejoinPenalty"/> waiting tickets of its class.</summary>
    public TicketRecord Rejoin(string ticketId)
    {
        var ticket = Find(ticketId);
        if (ticket.Status != TicketStatus.NoShow)
        {
            throw Refusals.CannotRejoin(ticket.DisplayNumber, ticket.Status);
        }

        if (ticket.Rejoined)
        {
            throw Refusals.RejoinOnce();
        }

        var sameClass = state.Tickets.Values
            .Where(t => t.Status == TicketStatus.Waiting && t.DirectedToWindow is null && Routing.IsPriority(t.Priority) == Routing.IsPriority(ticket.Priority))
            .OrderBy(t => t.LineKey).ToList();
        var penalty = context.Policy.NoShowRejoinPenalty;
        if (penalty > 0 && sameClass.Count >= penalty)
        {
            // Right behind the penalty-th waiting ticket: same waiting time, next in arrival order.
            var behind = sameClass[penalty - 1];
            ticket.WaitingSince = behind.WaitingSince;
            ticket.Arrival = behind.Arrival;
            foreach (var later in sameClass.Skip(penalty))
            {
                later.Arrival++;
                state.TicketChanged(later.TicketId); // moved back one place without an event of its own: its row is written too
            }

            ticket.Arrival++;
            state.Arrivals = Math.Max(state.Arrivals, sameClass.Max(t => t.Arrival));
        }
        else
        {
            ticket.WaitingSince = now;
            ticket.Arrival = ++state.Arrivals;
        }

        ticket.Status = TicketStatus.Waiting;
        ticket.Rejoined = true;
        ticket.QueuedAt = now;
        ticket.WindowNo = null;
        ticket.FinishedAt = null;
        Emit(HallEventKind.TicketRejoined, ticket);
        return ticket;
    }

    /// <summary>
    /// A remote ticket's holder checked in at the entrance (the web tier checked the rotating code). A called or no-show
    /// ticket may still check in: the window keeps its call as it was, and a no-show rejoins by the usual rule.
    /// </summary>
    public TicketRecord Arrive(string ticketId)
    {
        var ticket = Find(ticketId);
        if (ticket.Channel != IssueChannel.Remote)
        {
            throw Refusals.NotRemote(ticket.DisplayNumber);
        }

        if (ticket.ArrivedAt is not null)
        {
            throw Refusals.AlreadyArrived(ticket.DisplayNumber);
        }

        if (ticket.Status is not (TicketStatus.Waiting or TicketStatus.Called or TicketStatus.NoShow))
        {
            throw Refusals.CannotArrive(ticket.DisplayNumber, ticket.Status);
        }

        ticket.ArrivedAt = now;
        Emit(HallEventKind.TicketArrived, ticket);
        return ticket;
    }

    /// <summary>容缺: a held ticket comes back the same day, directed to the window that held it, with its original place.</summary>
    public TicketRecord ResumeHold(string ticketId)
    {
        var ticket = Find(ticketId);
        if (ticket.Status != TicketStatus.OnHold)
        {
            throw Refusals.CannotResume(ticket.DisplayNumber, ticket.Status);
        }

        ticket.Status = TicketStatus.Waiting;
        ticket.DirectedToWindow = ticket.WindowNo;
        ticket.WindowNo = null;
        ticket.QueuedAt = now;
        Emit(HallEventKind.TicketResumed, ticket);
        return ticket;
    }
}
