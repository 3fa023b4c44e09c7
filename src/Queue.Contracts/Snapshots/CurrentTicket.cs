namespace Queue.Contracts.Snapshots;

/// <summary>The ticket a window is calling or serving.</summary>
[GenerateSerializer, Immutable]
public sealed record CurrentTicket(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string ThemeCode,
    [property: Id(2)] string DisplayNumber);
