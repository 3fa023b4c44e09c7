using Queue.Contracts.Booking;
using Queue.Contracts.Model;

namespace Queue.Domain.Booking;

/// <summary>One booking as its hall's day keeps it. The citizen is known only by the keyed hash of a number and a masked name.</summary>
[GenerateSerializer]
public sealed class BookingRecord
{
    [Id(0)] public required string BookingId { get; init; }

    [Id(1)] public required string Code { get; init; }

    [Id(2)] public required string ThemeCode { get; init; }

    [Id(3)] public DateTimeOffset SlotStart { get; init; }

    [Id(4)] public DateTimeOffset SlotEnd { get; init; }

    [Id(5)] public required string CitizenKey { get; init; }

    [Id(6)] public string? CitizenName { get; init; }

    [Id(7)] public IssueChannel Channel { get; init; }

    [Id(8)] public string? StaffId { get; init; }

    [Id(9)] public DateTimeOffset BookedAt { get; init; }

    [Id(10)] public BookingStatus Status { get; set; }

    [Id(11)] public string? TicketId { get; set; }

    [Id(12)] public string? DisplayNumber { get; set; }

    [Id(13)] public DateTimeOffset? CheckedInAt { get; set; }

    [Id(14)] public string? RescheduledTo { get; set; }

    [Id(15)] public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Booked, checked in or late: the booking holds its slot and its citizen's one booking of the theme that day.</summary>
    public bool HoldsSlot => Status is BookingStatus.Booked or BookingStatus.CheckedIn or BookingStatus.Late;
}
