namespace Queue.Contracts.Model;

/// <summary>
/// Ticket lifecycle: Waiting → Called (→ recalled)* → Serving → Completed | NoShow | Transferred (→ Waiting elsewhere)
/// | OnHold (→ Waiting) | Cancelled | Expired (day closed).
/// </summary>
[GenerateSerializer]
public enum TicketStatus
{
    Waiting = 0,
    Called = 1,
    Serving = 2,
    Completed = 3,
    NoShow = 4,
    Transferred = 5,
    OnHold = 6,
    Cancelled = 7,
    Expired = 8,
}
