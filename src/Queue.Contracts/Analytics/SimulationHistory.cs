using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>
/// What a simulation (推演) takes from a hall's history for one date: the arrivals to replay, or the forecast rates, and
/// the recent service times per theme to sample from. <see cref="Source"/> says where the arrivals came from:
/// <c>journal</c> (each ticket's issue time), <c>series</c> (15-minute counts of the time-series store, when the journal
/// holds no tickets of the day, as for the demo's generated history) or <c>forecast</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SimulationHistory(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string Source,
    [property: Id(3)] ImmutableArray<HistoryArrivals> Arrivals,
    [property: Id(4)] ImmutableArray<HistoryRate> Rates,
    [property: Id(5)] ImmutableArray<HistoryServiceTimes> Services,
    [property: Id(6)] int WeeksObserved);

/// <summary>
/// <see cref="Count"/> tickets of a theme issued between two minutes after local midnight; one ticket at an exact
/// time has <see cref="FromMinute"/> = <see cref="ToMinute"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HistoryArrivals(
    [property: Id(0)] string Theme,
    [property: Id(1)] double FromMinute,
    [property: Id(2)] double ToMinute,
    [property: Id(3)] int Count);

/// <summary>The forecast of a theme in a 30-minute interval: expected arrivals and handle minutes.</summary>
[GenerateSerializer, Immutable]
public sealed record HistoryRate(
    [property: Id(0)] string Theme,
    [property: Id(1)] int IntervalIndex,
    [property: Id(2)] double Arrivals,
    [property: Id(3)] double HandleMinutes);

/// <summary>A theme's recent completed services, in minutes (at most the latest few thousand).</summary>
[GenerateSerializer, Immutable]
public sealed record HistoryServiceTimes(
    [property: Id(0)] string Theme,
    [property: Id(1)] ImmutableArray<double> Minutes);
