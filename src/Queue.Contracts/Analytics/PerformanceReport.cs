using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>
/// Staff performance (统一绩效考核) over the inclusive dates <see cref="From"/>..<see cref="To"/>, from the hall's journal
/// (live tickets only): per person (<see cref="People"/>), per window and per theme, each ordered by its key.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PerformanceReport(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] ImmutableArray<PerformanceRow> People,
    [property: Id(4)] ImmutableArray<PerformanceRow> Windows,
    [property: Id(5)] ImmutableArray<PerformanceRow> Themes);
