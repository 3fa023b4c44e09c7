using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>
/// A citizen's year in one hall (政务办事分析), reached from one of their own ticket links: only the visits their citizen key
/// links (<see cref="Known"/> false, and nothing else, when the ticket was taken without an ID card or phone). Visits per
/// theme, the total and average wait (issue to first call) of the visits that were called, the one-trip figure of their
/// visits, and the ratings they gave (level only; no comment, staff or window).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CitizenYear(
    [property: Id(0)] string HallId,
    [property: Id(1)] int Year,
    [property: Id(2)] bool Known,
    [property: Id(3)] int Visits,
    [property: Id(4)] ImmutableArray<CitizenTheme> Themes,
    [property: Id(5)] double TotalWaitMinutes,
    [property: Id(6)] double? AverageWaitMinutes,
    [property: Id(7)] OneTripFigure OneTrip,
    [property: Id(8)] ImmutableArray<CitizenRating> Ratings);
