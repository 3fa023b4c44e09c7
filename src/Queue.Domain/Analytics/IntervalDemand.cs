namespace Queue.Domain.Analytics;

/// <summary>
/// Forecast demand of a theme in one 30-minute interval: expected arrivals in the interval and the average handle
/// time (minutes) to expect, with where that handle time came from.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IntervalDemand(
    [property: Id(0)] string Theme,
    [property: Id(1)] int IntervalIndex,
    [property: Id(2)] double ArrivalsPerInterval,
    [property: Id(3)] double HandleMinutes,
    [property: Id(4)] HandleTimeSource HandleSource)
{
    public double ArrivalsPerMinute => ArrivalsPerInterval / AnalyticsInterval.Minutes;
}
