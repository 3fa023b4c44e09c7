using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// The date-range reads over any <see cref="ITimeSeriesStore"/>, computed from its 15-minute buckets so that both stores
/// answer alike; the figures made of the buckets are in <see cref="AnalyticsFigures"/>. Dates and hours are in the hall's
/// time zone; a range of dates is inclusive.
/// </summary>
public static class TimeSeriesQueries
{
    /// <summary>Tickets issued per theme, date and 30-minute interval (only non-zero counts), ordered.</summary>
    public static async Task<IReadOnlyList<ArrivalCount>> ReadArrivalsAsync(
        this ITimeSeriesStore store, string hallId, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var buckets = await store.ReadDaysAsync(hallId, from, to, zone, cancellationToken);
        return [.. buckets
            .Where(b => b.Issued > 0)
            .GroupBy(b => (b.Theme, Date: BusinessClock.Day(b.Start, zone), Interval: AnalyticsInterval.Of(BusinessClock.LocalTime(b.Start, zone))))
            .Select(g => new ArrivalCount(g.Key.Theme, g.Key.Date, g.Key.Interval, (int)g.Sum(b => b.Issued)))
            .OrderBy(a => a.Theme, StringComparer.Ordinal).ThenBy(a => a.Date).ThenBy(a => a.IntervalIndex)];
    }

    /// <summary>
    /// What a forecast of <paramref name="date"/> is made from: the arrivals and services of the
    /// <see cref="ForecastOptions.Weeks"/> weeks before it (the tidal advice and the simulator's forecast read the same).
    /// </summary>
    public static async Task<(IReadOnlyList<ArrivalCount> Arrivals, IReadOnlyList<ServiceSample> Services)> ReadForecastHistoryAsync(
        this ITimeSeriesStore store, string hallId, DateOnly date, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var (from, to) = (date.AddDays(-7 * new ForecastOptions().Weeks), date.AddDays(-1));
        return (await store.ReadArrivalsAsync(hallId, from, to, zone, cancellationToken), await store.ReadServiceSamplesAsync(hallId, from, to, zone, cancellationToken));
    }

    /// <summary>Completed services of the dates, each dated by the interval in which it started.</summary>
    public static Task<IReadOnlyList<ServiceSample>> ReadServiceSamplesAsync(
        this ITimeSeriesStore store, string hallId, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var (start, end) = Range(from, to, zone);
        return store.ReadServiceSamplesAsync(hallId, start, end, zone, cancellationToken);
    }

    /// <summary>The 15-minute buckets of the dates, from local midnight of <paramref name="from"/> to local midnight after <paramref name="to"/>.</summary>
    public static Task<IReadOnlyList<TimeBucket>> ReadDaysAsync(
        this ITimeSeriesStore store, string hallId, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var (start, end) = Range(from, to, zone);
        return store.ReadBucketsAsync(hallId, start, end, cancellationToken);
    }

    /// <summary>[local midnight of <paramref name="from"/>, local midnight after <paramref name="to"/>) as instants.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        (Midnight(from, zone), Midnight(to.AddDays(1), zone));

    private static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
