namespace Queue.Domain.Booking;

/// <summary>A hall's bookings for one day, by id.</summary>
[GenerateSerializer]
public sealed class BookingDayState : EventSourcedState
{
    [Id(0)] public Dictionary<string, BookingRecord> Bookings { get; set; } = [];
}
