namespace Queue.Contracts.Booking;

/// <summary>Where a booking stands: booked (active), cancelled, moved to another slot, checked in on time, or checked in late (an ordinary ticket).</summary>
[GenerateSerializer]
public enum BookingStatus
{
    Booked = 0,
    Cancelled = 1,
    Rescheduled = 2,
    CheckedIn = 3,
    Late = 4,
}
