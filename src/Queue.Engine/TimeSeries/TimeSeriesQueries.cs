using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// The analytics views over any <see cref="ITimeSeriesStore"/>, computed from its 15-minute buckets so that both stores
/// answer alike. Dates and hours are in the hall's time zone; a range of dates is inclusive.
/// </summary>
public static class TimeSeriesQueries
{
    /// <summary>Tickets issued per theme, date and 30-minute interval (only non-zero counts), ordered.</summary>
    public static async Task<IReadOnlyList<ArrivalCount>> ReadArrivalsAsync(
        this ITimeSeriesStore store, string hallId, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var buckets = await ReadDaysAsync(store, hallId, from, to, zone, cancellationToken);
        return [.. buckets
            .Where(b => b.Issued > 0)
            .GroupBy(b => (b.Theme, Date: BusinessClock.Day(b.Start, zone), Interval: AnalyticsInterval.Of(BusinessClock.LocalTime(b.Start, zone))))
            .Select(g => new ArrivalCount(g.Key.Theme, g.Key.Date, g.Key.Interval, (int)g.Sum(b => b.Issued)))
            .OrderBy(a => a.Theme, StringComparer.Ordinal).ThenBy(a => a.Date).ThenBy(a => a.IntervalIndex)];
    }

    /// <summary>Completed services of the dates, each dated by the interval in which it started.</summary>
    public static Task<IReadOnlyList<ServiceSample>> ReadServiceSamplesAsync(
        this ITimeSeriesStore store, string hallId, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var (start, end) = Range(from, to, zone);
        return store.ReadServiceSamplesAsync(hallId, start, end, zone, cancellationToken);
    }

    /// <summary>Waits of the calls of one day per theme and local hour.</summary>
    public static async Task<IReadOnlyList<ThemeHourWait>> ReadWaitsByHourAsync(
        this ITimeSeriesStore store, string hallId, DateOnly day, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var buckets = await ReadDaysAsync(store, hallId, day, day, zone, cancellationToken);
        return [.. buckets
            .Where(b => b.Called > 0)
            .GroupBy(b => (b.Theme, BusinessClock.LocalTime(b.Start, zone).Hour))
            .Select(g => new ThemeHourWait(
                g.Key.Theme, g.Key.Hour, g.Sum(b => b.Called), g.Sum(b => b.WaitSumSeconds) / g.Sum(b => b.Called), g.Max(b => b.WaitMaxSeconds)))
            .OrderBy(w => w.Theme, StringComparer.Ordinal).ThenBy(w => w.Hour)];
    }

    /// <summary>Outcomes and ratings per theme and window over the dates.</summary>
    public static async Task<IReadOnlyList<ServiceQuality>> ReadQualityAsync(
        this ITimeSeriesStore store, string hallId, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var buckets = await ReadDaysAsync(store, hallId, from, to, zone, cancellationToken);
        return [.. buckets
            .Where(b => b.Completed > 0 || b.Rated > 0)
            .GroupBy(b => (b.Theme, b.WindowNo))
            .Select(g => Quality(g.Key.Theme, g.Key.WindowNo, Sum(g)))
            .OrderBy(q => q.Theme, StringComparer.Ordinal).ThenBy(q => q.WindowNo)];
    }

    /// <summary>The big screen's figures for each date that has any event.</summary>
    public static async Task<IReadOnlyList<DailyKpi>> ReadDailyKpisAsync(
        this ITimeSeriesStore store, string hallId, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var buckets = await ReadDaysAsync(store, hallId, from, to, zone, cancellationToken);
        return [.. buckets
            .GroupBy(b => BusinessClock.Day(b.Start, zone))
            .Select(g => Kpi(g.Key, Sum(g)))
            .OrderBy(k => k.Date)];
    }

    /// <summary>[local midnight of <paramref name="from"/>, local midnight after <paramref name="to"/>) as instants.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        (Midnight(from, zone), Midnight(to.AddDays(1), zone));

    private static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static Task<IReadOnlyList<TimeBucket>> ReadDaysAsync(
        ITimeSeriesStore store, string hallId, DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var (start, end) = Range(from, to, zone);
        return store.ReadBucketsAsync(hallId, start, end, cancellationToken);
    }

    private static ServiceQuality Quality(string theme, int windowNo, TimeBucket t) =>
        new(theme, windowNo, t.Completed, t.Done, t.Completed - t.Done, t.Rated, Share(t.RatingSum, t.Rated), Share(t.Satisfied, t.Rated));

    private static DailyKpi Kpi(DateOnly date, TimeBucket t) =>
        new(date, t.Issued, t.Called, t.Completed, Share(t.WaitSumSeconds, t.Called), t.WaitMaxSeconds, Share(t.CalledOnTime, t.Called), Share(t.Satisfied, t.Rated));

    private static TimeBucket Sum(IEnumerable<TimeBucket> buckets) =>
        buckets.Aggregate(new TimeBucket("", 0, default), (total, b) => total.Add(b));

    private static double Share(double part, double whole) => whole == 0 ? 0 : part / whole;
}
