namespace Queue.Contracts.Snapshots;

/// <summary>A theme's answer about a ticket: here it is, or it moved to <see cref="ForwardedTo"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record TicketLookup(
    [property: Id(0)] TicketSnapshot Ticket,
    [property: Id(1)] string? ForwardedTo);
