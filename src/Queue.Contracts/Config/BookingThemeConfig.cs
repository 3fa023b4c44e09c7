namespace Queue.Contracts.Config;

/// <summary>
/// A theme's appointments: whether it takes any, the share of each slot's serving capacity appointments may take (null:
/// the hall's default share) and, when set, a fixed number of bookings per slot that replaces the computed capacity.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BookingThemeConfig(
    [property: Id(0)] string ThemeCode,
    [property: Id(1)] bool Bookable = true,
    [property: Id(2)] double? Share = null,
    [property: Id(3)] int? Capacity = null);
