namespace Queue.Domain.Analytics;

/// <summary>
/// The forecast for one date: every theme × all 48 intervals (themes in the order given, intervals ascending) and
/// how many of the looked-back weeks had any history for that weekday (0 means no history: every λ is 0).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DemandForecastResult(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] int WeeksObserved,
    [property: Id(2)] IReadOnlyList<IntervalDemand> Intervals)
{
    public IntervalDemand? Find(string theme, int intervalIndex) =>
        Intervals.FirstOrDefault(d => d.Theme == theme && d.IntervalIndex == intervalIndex);
}
