using Queue.Contracts.Model;

namespace Queue.Contracts.Booking;

/// <summary>
/// A booking as its holder sees it: the slot, the short <see cref="Code"/> the kiosk takes (also in the QR), when it may
/// check in, and after check-in the ticket it became. <see cref="AccessKey"/> and <see cref="Link"/> are filled in by the web
/// tier (the key proves possession, as a ticket link's key does); a rescheduled booking names its successor.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BookingView(
    [property: Id(0)] string BookingId,
    [property: Id(1)] string HallId,
    [property: Id(2)] string ThemeCode,
    [property: Id(3)] DateOnly Date,
    [property: Id(4)] DateTimeOffset SlotStart,
    [property: Id(5)] DateTimeOffset SlotEnd,
    [property: Id(6)] string Code,
    [property: Id(7)] BookingStatus Status,
    [property: Id(8)] IssueChannel Channel,
    [property: Id(9)] DateTimeOffset BookedAt,
    [property: Id(10)] DateTimeOffset CheckInFrom,
    [property: Id(11)] DateTimeOffset CheckInUntil,
    [property: Id(12)] string? TicketId = null,
    [property: Id(13)] string? DisplayNumber = null,
    [property: Id(14)] DateTimeOffset? CheckedInAt = null,
    [property: Id(15)] string? RescheduledTo = null,
    [property: Id(16)] string? CitizenName = null,
    [property: Id(17)] string? AccessKey = null,
    [property: Id(18)] string? Link = null,
    [property: Id(19)] string? TicketKey = null);
