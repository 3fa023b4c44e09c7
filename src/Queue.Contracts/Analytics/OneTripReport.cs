using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>
/// The one-trip rate (最多跑一次实现率) of the inclusive dates <see cref="From"/>..<see cref="To"/>: the whole hall
/// (<see cref="Hall"/>) and one row per day, month or theme (<see cref="By"/>). A visit is a second trip when the same
/// citizen (by citizen key) had a ticket for the same theme ended 没办成 or transferred within the <see cref="Days"/> days before.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OneTripReport(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] string By,
    [property: Id(4)] int Days,
    [property: Id(5)] OneTripFigure Hall,
    [property: Id(6)] ImmutableArray<OneTripFigure> Rows);
