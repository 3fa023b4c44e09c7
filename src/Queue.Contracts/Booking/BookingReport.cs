using System.Collections.Immutable;

namespace Queue.Contracts.Booking;

/// <summary>
/// Appointments over days <see cref="From"/>..<see cref="To"/> (slot dates, inclusive), from the journal: bookings held per
/// slot and how they ended, the show rate (checked in on time or late ÷ bookings of slots already past their check-in
/// window), the late share (late ÷ checked in), and the waits, from issue or slot start to the first call, of appointment
/// tickets against walk-in tickets called in the period.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BookingReport(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] int Booked,
    [property: Id(4)] int CheckedIn,
    [property: Id(5)] int Late,
    [property: Id(6)] int Missed,
    [property: Id(7)] int Cancelled,
    [property: Id(8)] int Rescheduled,
    [property: Id(9)] double? ShowRate,
    [property: Id(10)] double? LateShare,
    [property: Id(11)] WaitFigure AppointmentWaits,
    [property: Id(12)] WaitFigure WalkInWaits,
    [property: Id(13)] ImmutableArray<BookingSlotFigure> Slots);

/// <summary>Calls counted, their mean wait and 90th percentile, in minutes (null without calls).</summary>
[GenerateSerializer, Immutable]
public sealed record WaitFigure(
    [property: Id(0)] int Calls,
    [property: Id(1)] double? MeanMinutes,
    [property: Id(2)] double? P90Minutes);

/// <summary>One slot of one theme: bookings it holds (booked, checked in or late) and how many checked in on time or late.</summary>
[GenerateSerializer, Immutable]
public sealed record BookingSlotFigure(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string ThemeCode,
    [property: Id(2)] DateTimeOffset SlotStart,
    [property: Id(3)] int Booked,
    [property: Id(4)] int CheckedIn,
    [property: Id(5)] int Late);
