using Queue.Contracts.Model;

namespace Queue.Contracts.Snapshots;

/// <summary>A ticket waiting in a theme's line as the forward wait prediction needs it: its class, the clock its urgency runs on, and the window it is directed to (if any).</summary>
[GenerateSerializer, Immutable]
public sealed record WaitingTicket(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string DisplayNumber,
    [property: Id(2)] PriorityClass Priority,
    [property: Id(3)] DateTimeOffset WaitingSince,
    [property: Id(4)] int? DirectedToWindow);
