using System.Collections.Immutable;
using System.Globalization;
using Queue.Contracts.Analytics;
using Queue.Contracts.Cases;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Dashboard.Http;

namespace Queue.Dashboard.Api;

/// <summary>Builds a <see cref="MonthlyReport"/> from the grains' answers; the month is yyyy-MM, refused when malformed (400) or not begun (422).</summary>
public static class MonthlyReports
{
    /// <summary>The month's first and last dates (the last is today for the current month).</summary>
    public static (DateOnly From, DateOnly To) Month(string? month, HallConfig hall, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var today = BusinessClock.Day(now, hall.TimeZone);
        if (string.IsNullOrWhiteSpace(month))
        {
            return (new DateOnly(today.Year, today.Month, 1), today);
        }

        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year is < 2000 or > 2100 || month.Length != 7)
        {
            throw Refusals.ReportMonth(month);
        }

        if (first > today)
        {
            throw Refusals.ReportFutureMonth(month);
        }

        var last = first.AddMonths(1).AddDays(-1);
        return (first, last < today ? last : today);
    }

    public static async Task<MonthlyReport> BuildAsync(IGrainFactory grains, HallConfig hall, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(hall);
        var analytics = AnalyticsEndpoints.Grain(grains, hall.HallId);
        var cases = grains.GetGrain<IHallCasesGrain>(hall.HallId);
        var days = await DaysAsync(analytics, from, to);
        var (totals, oneTrip) = await TotalsAsync(analytics, days, from, to);
        var performance = await analytics.GetPerformanceAsync(from, to);
        var kinds = new List<MonthlyCases>();
        foreach (var kind in Enum.GetValues<CaseKind>())
        {
            var list = await cases.ListAsync(new CaseQuery(Kind: kind, From: from, To: to, Limit: CaseEndpoints.MaxExport));
            kinds.Add(new MonthlyCases(kind, list.Matching, list.Items.Count(c => c.ClosedAt is not null), list.OverdueMatching));
        }

        return new MonthlyReport(
            hall.HallId, $"{from:yyyy-MM}", from, to, days, totals, oneTrip, [.. kinds], performance.People,
            await ComparisonAsync(analytics, from));
    }

    /// <summary>The days' KPIs, read in parallel.</summary>
    public static async Task<ImmutableArray<MonthlyDay>> DaysAsync(IHallAnalyticsGrain analytics, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(analytics);
        var kpis = await Task.WhenAll(Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => analytics.GetKpisAsync(from.AddDays(i))));
        return [.. kpis.Select(k => new MonthlyDay(
            k.Date, k.Issued, k.Called, k.Completed, k.AverageWaitSeconds, k.MaxWaitSeconds, k.OnTimeShare, k.Rated, k.SatisfiedShare))];
    }

    private static async Task<(MonthlyTotals Totals, OneTripReport OneTrip)> TotalsAsync(
        IHallAnalyticsGrain analytics, ImmutableArray<MonthlyDay> days, DateOnly from, DateOnly to)
    {
        var quality = (await analytics.GetQualityAsync(from, to)).Total;
        var ratings = await analytics.GetRatingsAsync(from, to, onlyUnsatisfied: true);
        var oneTrip = await analytics.GetOneTripAsync(from, to, "day");
        var called = days.Sum(d => d.Called);
        var onTime = days.Sum(d => (long)Math.Round(d.OnTimeShare * d.Called));
        var totals = new MonthlyTotals(
            days.Sum(d => d.Issued), called, days.Sum(d => d.Completed),
            called == 0 ? 0 : Math.Round(days.Sum(d => d.AverageWaitSeconds * d.Called) / called, 1),
            days.Select(d => d.MaxWaitSeconds).DefaultIfEmpty(0).Max(), onTime, called == 0 ? 0 : (double)onTime / called,
            quality.Rated, quality.SatisfiedShare, quality.AverageRating, quality.NotDone, ratings.Unsatisfied, oneTrip.Hall.Rate);
        return (totals, oneTrip);
    }

    /// <summary>The same month a year before if it had tickets, else the month before if it had any; else none.</summary>
    private static async Task<MonthlyComparison?> ComparisonAsync(IHallAnalyticsGrain analytics, DateOnly from)
    {
        foreach (var (first, basis) in new[] { (from.AddYears(-1), "previous-year"), (from.AddMonths(-1), "previous-month") })
        {
            if (first.Year < 2000)
            {
                continue;
            }

            var last = first.AddMonths(1).AddDays(-1);
            var days = await DaysAsync(analytics, first, last);
            if (days.Sum(d => d.Issued) > 0)
            {
                return new MonthlyComparison($"{first:yyyy-MM}", basis, (await TotalsAsync(analytics, days, first, last)).Totals);
            }
        }

        return null;
    }
}
