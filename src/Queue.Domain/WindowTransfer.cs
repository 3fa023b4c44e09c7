using Queue.Contracts.Snapshots;

namespace Queue.Domain;

/// <summary>A transfer the window's rules allow: the ticket it sends and where (a theme, and maybe one window).</summary>
public sealed record WindowTransfer(CurrentTicket Ticket, string ToTheme, int? ToWindow);
