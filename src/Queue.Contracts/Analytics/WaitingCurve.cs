using System.Collections.Immutable;

namespace Queue.Contracts.Analytics;

/// <summary>
/// The waiting count over a day, per 15 minutes: tickets issued minus tickets called, cumulated. It leaves out
/// cancellations, no-shows and expiries, which the buckets do not count, so it may read a little high late in the day.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WaitingCurve(
    [property: Id(0)] string HallId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] ImmutableArray<WaitingPoint> Points);
