using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>
/// Arrivals by weekday × half-hour over the <see cref="Weeks"/> full weeks before <see cref="To"/> (inclusive range
/// <see cref="From"/>..<see cref="To"/>), for one theme or, when <see cref="Theme"/> is null, the whole hall. Each cell is
/// the average per occurrence of its weekday; cells without tickets are left out.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ArrivalPattern(
    [property: Id(0)] string HallId,
    [property: Id(1)] string? Theme,
    [property: Id(2)] int Weeks,
    [property: Id(3)] DateOnly From,
    [property: Id(4)] DateOnly To,
    [property: Id(5)] ImmutableArray<WeekdayArrivals> Cells);
