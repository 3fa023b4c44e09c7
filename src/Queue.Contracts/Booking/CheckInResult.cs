using Queue.Contracts.Snapshots;

namespace Queue.Contracts.Booking;

/// <summary>A check-in's answer: the booking (checked in, or late) and the ticket it became.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckInResult(
    [property: Id(0)] BookingView Booking,
    [property: Id(1)] TicketSnapshot Ticket);
