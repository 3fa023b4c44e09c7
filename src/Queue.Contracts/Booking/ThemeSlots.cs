using System.Collections.Immutable;

namespace Queue.Contracts.Booking;

/// <summary>A theme's slots on one day (none on a closed day or when the theme takes no appointments).</summary>
[GenerateSerializer, Immutable]
public sealed record ThemeSlots(
    [property: Id(0)] string ThemeCode,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] bool Open,
    [property: Id(3)] ImmutableArray<BookingSlot> Slots);
