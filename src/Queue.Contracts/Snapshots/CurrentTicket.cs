namespace Queue.Contracts.Snapshots;

/// <summary>The ticket a window is calling or serving; the citizen's name, if given, only masked (张*).</summary>
[GenerateSerializer, Immutable]
public sealed record CurrentTicket(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string ThemeCode,
    [property: Id(2)] string DisplayNumber,
    [property: Id(3)] string? CitizenName = null);
