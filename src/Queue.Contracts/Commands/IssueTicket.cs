using Queue.Contracts.Model;

namespace Queue.Contracts.Commands;

/// <summary>
/// Take a ticket for a theme. <see cref="RequestId"/> is the client's id for this request: a retried issue
/// (kiosk double tap, network retry) with the same id returns the same ticket.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IssueTicket(
    [property: Id(0)] IssueChannel Channel,
    [property: Id(1)] PriorityClass Priority,
    [property: Id(2)] string? RequestId);
