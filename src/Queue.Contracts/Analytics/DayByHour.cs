using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>A day's arrivals and waits per theme and hour (only cells with tickets), and the themes in the hall's order.</summary>
[GenerateSerializer, Immutable]
public sealed record DayByHour(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] ImmutableArray<string> Themes,
    [property: Id(3)] ImmutableArray<ThemeHourFigure> Cells);
