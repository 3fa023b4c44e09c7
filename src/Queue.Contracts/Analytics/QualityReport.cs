using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>Satisfaction and outcomes over the dates <see cref="From"/>..<see cref="To"/> (inclusive), by theme and by window, and in total.</summary>
[GenerateSerializer, Immutable]
public sealed record QualityReport(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] ImmutableArray<QualityRow> ByTheme,
    [property: Id(4)] ImmutableArray<QualityRow> ByWindow,
    [property: Id(5)] QualityRow Total);
