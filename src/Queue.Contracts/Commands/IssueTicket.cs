using Queue.Contracts.Model;

namespace Queue.Contracts.Commands;

/// <summary>
/// Take a ticket for a theme. <see cref="RequestId"/> is the client's id for this request: a retried issue
/// (kiosk double tap, network retry) with the same id returns the same ticket. A citizen who gave an ID-card or
/// phone number (an appointment, one-trip tracking) is known only by <see cref="CitizenKey"/>, its keyed hash, and by
/// <see cref="CitizenName"/>, a name already masked (张*); the numbers and the full name never reach a grain. A remote ticket
/// carries the citizen's <see cref="TravelMinutes"/> to the hall, for the "leave home by" time.
/// An appointment checked in before its slot waits from the slot's start (<see cref="WaitFrom"/>): its wait and urgency count from the
/// later of the check-in and that instant.
/// <see cref="TicketId"/> is an id the web node chose (<see cref="GrainKeys.NewTicketId"/>) so that a phone given for
/// notifications is sealed and stored under it before the ticket exists: the first notice can never miss it. Used only
/// when it is a well-formed, unused id of this hall and theme; never taken from a request body.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IssueTicket(
    [property: Id(0)] IssueChannel Channel,
    [property: Id(1)] PriorityClass Priority,
    [property: Id(2)] string? RequestId,
    [property: Id(3)] string? CitizenKey = null,
    [property: Id(4)] string? CitizenName = null,
    [property: Id(33)] int? TravelMinutes = null,
    [property: Id(5)] DateTimeOffset? WaitFrom = null,
    [property: Id(40)] string? TicketId = null);
