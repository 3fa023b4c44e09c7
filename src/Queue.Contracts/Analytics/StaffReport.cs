using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>Every configured window's figures for a day, in window order.</summary>
[GenerateSerializer, Immutable]
public sealed record StaffReport(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] ImmutableArray<StaffFigure> Windows);
