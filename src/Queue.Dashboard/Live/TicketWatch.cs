using Queue.Contracts.Snapshots;

namespace Queue.Dashboard.Live;

/// <summary>What a phone gets when it starts watching its ticket.</summary>
public sealed record TicketWatch(TicketSnapshot Ticket, LineView? Line, int NearTurnReminder);
