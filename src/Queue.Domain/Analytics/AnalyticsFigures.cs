using System.Collections.Immutable;
using Queue.Domain;
using Queue.Contracts.Analytics;

namespace Queue.Domain.Analytics;

/// <summary>
/// The figures of the big screen and the manager pages, computed from a store's 15-minute buckets (live and demo
/// history alike). Pure functions: the analytics grain reads, these compute, the tests check them on known buckets.
/// </summary>
public static class AnalyticsFigures
{
    /// <summary>
    /// The big screen's tiles for a day from its buckets; what is waiting now comes from the hall's snapshot. The people
    /// still waiting count: 最长等待 is the longest of the called waits and the current waits, and 达标率 is the calls
    /// within target ÷ (the calls + the tickets still waiting already past their target); a ticket waiting within its target
    /// is neither a hit nor a miss yet.
    /// </summary>
    public static HallKpis Kpis(
        string hallId, DateOnly date, IEnumerable<TimeBucket> buckets, int waitingNow, double longestWaitingNowMinutes, DateTimeOffset at, int lateWaitingNow = 0)
    {
        var t = Sum(buckets);
        var late = Math.Max(0, lateWaitingNow);
        return new HallKpis(
            hallId, date, t.Issued, t.Called, t.Completed, waitingNow, Share(t.WaitSumSeconds, t.Called),
            Math.Max(t.WaitMaxSeconds, Math.Round(Math.Max(0, longestWaitingNowMinutes) * 60)),
            Share(t.CalledOnTime, t.Called + late), t.Rated, Share(t.Satisfied, t.Rated), longestWaitingNowMinutes, at, late);
    }

    public static DayByHour ByHour(string hallId, DateOnly date, IEnumerable<string> themes, IEnumerable<TimeBucket> buckets, TimeZoneInfo zone) =>
        new(hallId, date, [.. themes], [.. buckets
            .GroupBy(b => (b.Theme, BusinessClock.LocalTime(b.Start, zone).Hour))
            .Select(g => (g.Key, Total: Sum(g)))
            .Where(x => x.Total.Issued > 0 || x.Total.Called > 0)
            .Select(x => new ThemeHourFigure(x.Key.Theme, x.Key.Hour, x.Total.Issued, x.Total.Called, Share(x.Total.WaitSumSeconds, x.Total.Called), x.Total.WaitMaxSeconds))
            .OrderBy(c => c.Theme, StringComparer.Ordinal).ThenBy(c => c.Hour)]);

    /// <summary>Averages per weekday: each weekday occurs <paramref name="weeks"/> times in the range.</summary>
    public static ArrivalPattern Pattern(string hallId, string? theme, int weeks, DateOnly from, DateOnly to, IEnumerable<ArrivalCount> arrivals) =>
        new(hallId, theme, weeks, from, to, [.. arrivals
            .Where(a => theme is null || a.Theme == theme)
            .GroupBy(a => (a.Date.DayOfWeek, a.IntervalIndex))
            .Select(g => new WeekdayArrivals(g.Key.DayOfWeek, g.Key.IntervalIndex, (double)g.Sum(a => a.Count) / weeks))
            .OrderBy(c => ((int)c.Weekday + 6) % 7).ThenBy(c => c.Interval)]);

    public static QualityReport Quality(string hallId, DateOnly from, DateOnly to, IReadOnlyCollection<TimeBucket> buckets) =>
        new(hallId, from, to,
            [.. buckets.GroupBy(b => b.Theme).Select(g => Row(g.Key, 0, Sum(g))).Where(Useful).OrderBy(r => r.Theme, StringComparer.Ordinal)],
            [.. buckets.Where(b => b.WindowNo > 0).GroupBy(b => b.WindowNo).Select(g => Row("", g.Key, Sum(g))).Where(Useful).OrderBy(r => r.WindowNo)],
            Row("", 0, Sum(buckets)));

    /// <summary>Issued minus called, cumulated per 15 minutes from the day's first bucket to its last.</summary>
    public static WaitingCurve Waiting(string hallId, DateOnly date, IReadOnlyCollection<TimeBucket> buckets, TimeZoneInfo zone)
    {
        if (buckets.Count == 0)
        {
            return new WaitingCurve(hallId, date, []);
        }

        var byStart = buckets.GroupBy(b => b.Start).ToDictionary(g => g.Key, g => g.Sum(b => b.Issued - b.Called));
        var first = byStart.Keys.Min();
        var last = byStart.Keys.Max();
        var points = ImmutableArray.CreateBuilder<WaitingPoint>();
        long waiting = 0;
        for (var at = first; at <= last; at += TimeBucket.Width)
        {
            waiting = Math.Max(0, waiting + byStart.GetValueOrDefault(at));
            points.Add(new WaitingPoint(BusinessClock.LocalTime(at, zone), waiting));
        }

        return new WaitingCurve(hallId, date, points.ToImmutable());
    }

    public static TimeBucket Sum(IEnumerable<TimeBucket> buckets) =>
        buckets.Aggregate(new TimeBucket("", 0, default), (total, b) => total.Add(b));

    public static double Share(double part, double whole) => whole == 0 ? 0 : part / whole;

    private static bool Useful(QualityRow row) => row.Completed > 0 || row.Rated > 0;

    private static QualityRow Row(string theme, int windowNo, TimeBucket t) =>
        new(theme, windowNo, t.Completed, t.Done, t.Completed - t.Done, t.Rated, Share(t.RatingSum, t.Rated), Share(t.Satisfied, t.Rated), Share(t.ServiceSumSeconds, t.Completed));
}
