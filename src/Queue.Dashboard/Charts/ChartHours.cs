using Queue.Contracts.Config;
using Queue.Domain;
using Queue.Domain.Analytics;

namespace Queue.Dashboard.Charts;

/// <summary>
/// The columns of the hour charts: the open hours of the day by the hall calendar (<see cref="OpeningCalendar.ChartIntervals"/>:
/// periods, lunch breaks, zones; a 24-hour zone only where it has data), widened to every hour that has data, as one
/// contiguous range. A day the hall does not open shows its hours of data, or the hall's Opens–Closes pair when it has
/// none, and is marked closed.
/// </summary>
public static class ChartHours
{
    public static (IReadOnlyList<int> Hours, bool Closed) Of(HallConfig hall, DateOnly? date, IEnumerable<int> dataHours)
    {
        var calendar = OpeningCalendar.Of(hall);
        var open = date is { } day ? calendar.ChartIntervals(day) : calendar.HasCalendar ? [] : Pair(hall);
        var closed = date is { } d && calendar.IsClosedDay(d);
        var hours = open.Select(i => i / 2).Concat(dataHours).ToList();
        if (hours.Count == 0)
        {
            hours = [.. Pair(hall).Select(i => i / 2)];
        }

        return (Enumerable.Range(hours.Min(), hours.Max() - hours.Min() + 1).ToList(), closed);
    }

    /// <summary>The half hours of a week's chart from <paramref name="from"/>: the week's open half hours, widened to the data.</summary>
    public static IReadOnlyList<int> Week(HallConfig hall, DateOnly from, IEnumerable<int> dataIntervals)
    {
        var intervals = OpeningCalendar.Of(hall).WeekChartIntervals(from).Concat(dataIntervals).ToList();
        if (intervals.Count == 0)
        {
            intervals = [.. Pair(hall)];
        }

        return Enumerable.Range(intervals.Min(), intervals.Max() - intervals.Min() + 1).ToList();
    }

    private static IReadOnlyList<int> Pair(HallConfig hall) =>
        [.. Enumerable.Range(0, AnalyticsInterval.PerDay).Where(i => AnalyticsInterval.Start(i) >= hall.Opens && AnalyticsInterval.Start(i) < hall.Closes)];
}
