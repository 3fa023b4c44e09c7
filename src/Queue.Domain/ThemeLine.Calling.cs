using Queue.Contracts.Commands;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>A theme's line, at the window: offering candidates, handing a ticket to one window, and the window's moves on it.</summary>
public sealed partial class ThemeLine
{
    /// <summary>The best ticket directed to this window, the best priority ticket and the best normal ticket.</summary>
    public IReadOnlyList<QueueCandidate> Candidates(int windowNo)
    {
        var candidates = new List<QueueCandidate>(3);
        foreach (var best in (ReadOnlySpan<TicketRecord?>)[BestDirected(windowNo), BestPriority(), BestNormal()])
        {
            if (best is not null)
            {
                candidates.Add(new QueueCandidate(
                    best.TicketId, Code, best.DisplayNumber, best.Priority, best.WaitingSince, context.Theme.TargetMinutes, best.DirectedToWindow == windowNo));
            }
        }

        return candidates;
    }

    /// <summary>When the chosen ticket was taken meanwhile: the best remaining ticket of the same kind, claimed.</summary>
    public TicketRecord? ClaimNextLike(QueueCandidate chosen, int windowNo)
    {
        var next = chosen.DirectedToWindow ? BestDirected(windowNo) : Routing.IsPriority(chosen.Priority) ? BestPriority() : BestNormal();
        return next is null ? null : Claim(next.TicketId, windowNo);
    }

    private IEnumerable<TicketRecord> Waiting => state.Tickets.Values.Where(t => t.Status == TicketStatus.Waiting);

    private TicketRecord? BestDirected(int windowNo) => state.Line.First(state.Tickets, (window, _) => window == windowNo, byPriority: false);

    private TicketRecord? BestPriority() => state.Line.First(state.Tickets, (window, priority) => window is null && Routing.IsPriority(priority), byPriority: true);

    private TicketRecord? BestNormal() => state.Line.First(state.Tickets, (window, priority) => window is null && !Routing.IsPriority(priority), byPriority: false);

    /// <summary>Hands a waiting ticket to the window; null when it is no longer waiting (another window was first).</summary>
    public TicketRecord? Claim(string ticketId, int windowNo)
    {
        if (!state.Tickets.TryGetValue(ticketId, out var ticket) || ticket.Status != TicketStatus.Waiting ||
            (ticket.DirectedToWindow is { } directed && directed != windowNo))
        {
            return null;
        }

        var waited = Waited(ticket).TotalSeconds;
        ticket.Status = TicketStatus.Called;
        ticket.WindowNo = windowNo;
        ticket.CalledAt = now;
        ticket.RecallCount = 0;
        ticket.DirectedToWindow = null;
        Emit(HallEventKind.TicketCalled, ticket, new EventDetails(WaitSeconds: Math.Round(waited, 1), CitizenName: ticket.CitizenName));
        return ticket;
    }

    public TicketRecord Recall(string ticketId, int windowNo)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Called);
        ticket.RecallCount++;
        ticket.CalledAt = now;
        Emit(HallEventKind.TicketRecalled, ticket, new EventDetails(CitizenName: ticket.CitizenName));
        return ticket;
    }

    public TicketRecord StartService(string ticketId, int windowNo)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Called);
        ticket.Status = TicketStatus.Serving;
        ticket.ServiceStartedAt = now;
        Emit(HallEventKind.ServiceStarted, ticket);
        return ticket;
    }

    public TicketRecord Complete(string ticketId, int windowNo, CompleteService command)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Serving);
        var served = (now - (ticket.ServiceStartedAt ?? now)).TotalMinutes;
        ticket.Status = TicketStatus.Completed;
        ticket.Outcome = command.Outcome;
        ticket.Reason = command.Reason;
        ticket.FinishedAt = now;
        state.Stats.Add(served, context.Theme.ExpectedServiceMinutes);
        state.CompletedToday++;
        Emit(HallEventKind.ServiceCompleted, ticket, new EventDetails(ServiceSeconds: Math.Round(served * 60, 1), StaffId: command.StaffId));
        Retire(ticket);
        return ticket;
    }

    public TicketRecord NoShow(string ticketId, int windowNo)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Called);
        if (ticket.RecallCount < context.Policy.RecallsBeforeNoShow)
        {
            throw Refusals.RecallFirst(context.Policy.RecallsBeforeNoShow, ticket.RecallCount);
        }

        ticket.Status = TicketStatus.NoShow;
        ticket.FinishedAt = now;
        Emit(HallEventKind.TicketNoShow, ticket);
        if (ticket.Rejoined)
        {
            Retire(ticket); // it had its one rejoin; otherwise it stays, parked, until it rejoins or the day ends
        }

        return ticket;
    }

    public TicketRecord Hold(string ticketId, int windowNo, string reason)
    {
        var ticket = AtWindow(ticketId, windowNo, TicketStatus.Serving);
        ticket.Status = TicketStatus.OnHold;
        ticket.Reason = reason;
        Emit(HallEventKind.TicketHeld, ticket);
        return ticket;
    }

    private TicketRecord AtWindow(string ticketId, int windowNo, TicketStatus expected)
    {
        var ticket = state.Tickets.TryGetValue(ticketId, out var found) && found.WindowNo == windowNo &&
                     found.Status is TicketStatus.Called or TicketStatus.Serving
            ? found
            : throw Refusals.NotAtWindow(ticketId, windowNo);
        return ticket.Status == expected ? ticket
            : expected == TicketStatus.Called ? throw Refusals.TicketBeingServed(ticket.DisplayNumber, ticket.Status)
            : throw Refusals.TicketNotStarted(ticket.DisplayNumber, ticket.Status);
    }
}
