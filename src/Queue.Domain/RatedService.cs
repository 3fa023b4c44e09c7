using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>
/// What a rating is about, read from the ticket's own events in the journal when it is rated: the wait from issue to the
/// first call (a recall, a rejoin or a transfer does not start it again: the citizen's wait is the one before anyone
/// called them), and the window and staff of the service that completed it. Null where the journal does not say
/// (a ticket completed before completions carried their staff). <see cref="RealName"/>: the ticket was issued with a
/// citizen key (its issue event says so), so a 差评 of it is real-name and opens a follow-up.
/// </summary>
public sealed record RatedService(double? WaitSeconds, int? WindowNo, string? StaffId, bool RealName = false)
{
    public static RatedService From(IReadOnlyList<HallEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        var issued = ordered.FirstOrDefault(e => e.Kind == HallEventKind.TicketIssued);
        var called = ordered.FirstOrDefault(e => e.Kind == HallEventKind.TicketCalled);
        var completed = ordered.LastOrDefault(e => e.Kind == HallEventKind.ServiceCompleted);
        double? wait = issued is null || called is null ? null : Math.Round(Math.Max(0, (called.At - issued.At).TotalSeconds), 1);
        return new RatedService(wait, completed?.WindowNo, completed?.StaffId, issued?.RealName == true);
    }
}
