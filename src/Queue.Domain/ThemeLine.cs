using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>
/// The rules of one theme's line over its persisted state: every method checks the ticket's state, changes it,
/// and records exactly one event (or throws a <see cref="QueueRuleException"/> and changes nothing). The grain
/// around it persists the state with the events; this class does no I/O, so it is tested without a cluster.
/// </summary>
public sealed partial class ThemeLine(ThemeQueueState state, ThemeContext context, DateTimeOffset now)
{
    private string Code => context.Theme.Code;

    /// <summary>Whether the state changed and must be written.</summary>
    public bool Dirty { get; private set; }

    /// <summary>On the first use of a new business day, yesterday's active tickets expire and numbering restarts.</summary>
    public void EnsureDay()
    {
        var today = BusinessClock.Day(now, context.TimeZone);
        if (state.BusinessDay == today)
        {
            return;
        }

        if (state.BusinessDay != default)
        {
            ExpireActive();
        }

        state.BusinessDay = today;
        state.LastNumber = 0;
        state.CompletedToday = 0;
        state.ResetRows();
        state.Finished.Clear();
        state.PendingTransfers.Clear();
        state.AcceptedTransfers.Clear();
        Dirty = true;
    }

    public int CloseDay() => ExpireActive();

    public TicketRecord Find(string ticketId) =>
        Lookup(ticketId) ?? throw Refusals.TicketNotFound();

    /// <summary>An open ticket, or one finished during this activation.</summary>
    public TicketRecord? Lookup(string ticketId) =>
        state.Tickets.GetValueOrDefault(ticketId) ?? state.Finished.Get(ticketId);

    /// <summary>How long the ticket has waited in line so far against its target (<see cref="TargetClock"/>: open time of its zone with a calendar).</summary>
    public TimeSpan Waited(TicketRecord ticket) => TargetClock.Waited(context.Calendar, context.Theme.ZoneId, ticket.QueuedAt, now);

    private void Retire(TicketRecord ticket)
    {
        state.Tickets.Remove(ticket.TicketId);
        state.TicketChanged(ticket.TicketId);
        state.Finished.Add(ticket);
    }

    private int ExpireActive()
    {
        var active = state.Tickets.Values.Where(t => t.IsActive).OrderBy(t => t.IssuedAt).ToList();

        // Taken out one by one, the line's index would shift its lists once per ticket (O(n²): seconds at 30,000 waiting,
        // and every forward prediction closes its simulated day this way); it is rebuilt from what is left at its next use.
        state.Line.Invalidate();
        foreach (var ticket in active)
        {
            ticket.Status = TicketStatus.Expired;
            ticket.FinishedAt = now;
            Emit(HallEventKind.TicketExpired, ticket);
            Retire(ticket);
        }

        return active.Count;
    }

    /// <summary>
    /// Records a ticket's event, with the details its kind carries besides the ticket's own fields. One allocation: every
    /// call, issue and completion of every forecast replication comes through here too, and a closure and a record clone
    /// per event were a fifth of what a forward prediction allocated.
    /// </summary>
    private void Emit(HallEventKind kind, TicketRecord ticket, in EventDetails details = default)
    {
        if (state.Journaled)
        {
            state.PendingEvents.Add(Event(kind, ticket, details));
        }

        Changed(ticket);
    }

    /// <summary>A rarer event whose fields differ from the ticket's (a transfer names its target): the ticket's event, changed.</summary>
    private void Emit(HallEventKind kind, TicketRecord ticket, Func<HallEvent, HallEvent> change)
    {
        if (state.Journaled)
        {
            state.PendingEvents.Add(change(Event(kind, ticket, default)));
        }

        Changed(ticket);
    }

    private HallEvent Event(HallEventKind kind, TicketRecord ticket, in EventDetails details) => new(
        context.HallId, 0, now, kind, ticket.TicketId, ticket.DisplayNumber, Code, ticket.WindowNo, ticket.Priority, ticket.Channel,
        Outcome: ticket.Outcome, Reason: ticket.Reason, WaitSeconds: details.WaitSeconds, ServiceSeconds: details.ServiceSeconds,
        StaffId: details.StaffId, CitizenName: details.CitizenName, CitizenKey: details.CitizenKey, RealName: details.RealName);

    private void Changed(TicketRecord ticket)
    {
        state.TicketChanged(ticket.TicketId); // every change of a ticket records its event: its row goes with the write
        Dirty = true;
    }

    /// <summary>What an event carries beyond its ticket's fields (the wait at a call, the service time at a completion, …).</summary>
    private readonly record struct EventDetails(
        double? WaitSeconds = null, string? CitizenName = null, double? ServiceSeconds = null, string? StaffId = null, string? CitizenKey = null, bool? RealName = null);
}
