using Queue.Contracts.Model;

namespace Queue.Contracts.Snapshots;

/// <summary>
/// A ticket on its way from one theme to another: it keeps its id, number and original issue time.
/// <see cref="TransferId"/> names this one move, so a late re-delivery of it is recognized even after the ticket has
/// moved on (a ticket may come back to a theme by a later, different transfer).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransferredTicket(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string DisplayNumber,
    [property: Id(2)] string FromTheme,
    [property: Id(3)] string ToTheme,
    [property: Id(4)] int? ToWindow,
    [property: Id(5)] PriorityClass Priority,
    [property: Id(6)] IssueChannel Channel,
    [property: Id(7)] DateTimeOffset IssuedAt,
    [property: Id(8)] DateTimeOffset WaitingSince,
    [property: Id(9)] DateOnly BusinessDay,
    [property: Id(10)] bool Rejoined,
    [property: Id(11)] string TransferId,
    [property: Id(12)] string? CitizenKey = null,
    [property: Id(13)] string? CitizenName = null);
