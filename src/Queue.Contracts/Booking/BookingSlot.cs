namespace Queue.Contracts.Booking;

/// <summary>One bookable slot of a theme: its start and end, how many bookings it takes and how many it has.</summary>
[GenerateSerializer, Immutable]
public sealed record BookingSlot(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] int Capacity,
    [property: Id(3)] int Booked)
{
    public int Free => Math.Max(0, Capacity - Booked);
}
