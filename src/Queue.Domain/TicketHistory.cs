using Queue.Contracts.Events;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>
/// A ticket of a past day, rebuilt from its events in the hall journal (a theme keeps only the current day's
/// tickets). The journal is the record: this fold is the only thing that reads it for a ticket.
/// </summary>
public static class TicketHistory
{
    public static TicketSnapshot? Rebuild(IReadOnlyList<HallEvent> events, string timeZone)
    {
        var issued = events.FirstOrDefault(e => e.Kind == HallEventKind.TicketIssued);
        if (issued is null)
        {
            return null;
        }

        var ticket = new TicketSnapshot(
            issued.TicketId!, issued.HallId, issued.ThemeCode!, issued.DisplayNumber!, issued.Priority ?? PriorityClass.Normal,
            issued.Channel ?? IssueChannel.Kiosk, TicketStatus.Waiting, issued.At, null, null, null, null, 0, null, null, false, null, null,
            null, null, null, BusinessClock.Day(issued.At, timeZone));
        var remote = ticket.Channel == IssueChannel.Remote;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            ticket = Apply(ticket, e);
        }

        return ticket with { AwaitingArrival = remote && ticket.ArrivedAt is null && ticket.IsActive };
    }

    private static TicketSnapshot Apply(TicketSnapshot t, HallEvent e) => e.Kind switch
    {
        HallEventKind.TicketCalled => t with { Status = TicketStatus.Called, CalledAt = e.At, WindowNo = e.WindowNo, RecallCount = 0, DirectedToWindow = null },
        HallEventKind.TicketRecalled => t with { RecallCount = t.RecallCount + 1, CalledAt = e.At },
        HallEventKind.ServiceStarted => t with { Status = TicketStatus.Serving, ServiceStartedAt = e.At },
        HallEventKind.ServiceCompleted => t with { Status = TicketStatus.Completed, FinishedAt = e.At, Outcome = e.Outcome, Reason = e.Reason },
        HallEventKind.TicketNoShow => t with { Status = TicketStatus.NoShow, FinishedAt = e.At },
        HallEventKind.TicketRejoined => t with { Status = TicketStatus.Waiting, Rejoined = true, FinishedAt = null, WindowNo = null },
        HallEventKind.TicketTransferred => t with
        {
            Status = TicketStatus.Waiting,
            TransferredFrom = e.ToThemeCode == t.ThemeCode ? t.TransferredFrom : t.ThemeCode,
            ThemeCode = e.ToThemeCode ?? t.ThemeCode,
            DirectedToWindow = e.ToWindowNo,
            WindowNo = null,
        },
        HallEventKind.TicketHeld => t with { Status = TicketStatus.OnHold, Reason = e.Reason },
        HallEventKind.TicketResumed => t with { Status = TicketStatus.Waiting, DirectedToWindow = t.WindowNo, WindowNo = null },
        HallEventKind.TicketCancelled => t with { Status = TicketStatus.Cancelled, FinishedAt = e.At },
        HallEventKind.TicketExpired => t with { Status = TicketStatus.Expired, FinishedAt = e.At },
        HallEventKind.TicketRated => t with { Rating = e.Rating },
        HallEventKind.TicketArrived => t with { ArrivedAt = e.At },
        _ => t,
    };
}
