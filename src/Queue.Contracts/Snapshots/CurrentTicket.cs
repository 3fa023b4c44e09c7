namespace Queue.Contracts.Snapshots;

/// <summary>
/// The ticket a window is calling or serving; the citizen's name, if given, only masked (张*). <see cref="NotArrived"/>:
/// a remote ticket whose holder had not checked in at the hall when it was called (the window shows 未到厅).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CurrentTicket(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string ThemeCode,
    [property: Id(2)] string DisplayNumber,
    [property: Id(3)] string? CitizenName = null,
    [property: Id(33)] bool NotArrived = false);
