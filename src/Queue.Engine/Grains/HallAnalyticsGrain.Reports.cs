using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;
using Queue.Engine.Persistence;

namespace Queue.Engine.Grains;

/// <summary>The analytics grain's period reports from the journal: staff performance and the one-trip rate.</summary>
public sealed partial class HallAnalyticsGrain
{
    public const int MaxPerformanceDays = 92;

    public const int MaxOneTripDays = 366;

    public async Task<PerformanceReport> GetPerformanceAsync(DateOnly? from, DateOnly? to)
    {
        var (config, zone, start, end) = await Period(from, to, MaxPerformanceDays);
        var days = await JournalDay.ReadDaysAsync(journal, HallId, start, end, zone, clock.GetUtcNow());
        return StaffPerformance.Report(HallId, start, end, days.Select(d => new StaffPerformance.Day(d.Events, d.End)), config);
    }

    public async Task<OneTripReport> GetOneTripAsync(DateOnly? from, DateOnly? to, string by)
    {
        if (!OneTripRule.Groupings.Contains(by))
        {
            throw Refusals.InvalidValue("by", by);
        }

        var (config, zone, start, end) = await Period(from, to, MaxOneTripDays);
        // A visit on the first day may be the return of one made the hall's one-trip days before it.
        var days = await JournalDay.ReadDaysAsync(journal, HallId, start.AddDays(-config.OneTripDays), end, zone, clock.GetUtcNow());
        var visits = OneTripRule.Visits(days.SelectMany(d => d.Events), zone);
        return OneTripRule.Report(HallId, start, end, by, config.OneTripDays, visits);
    }

    private async Task<(HallConfig Config, TimeZoneInfo Zone, DateOnly From, DateOnly To)> Period(DateOnly? from, DateOnly? to, int maxDays)
    {
        var (config, zone, end) = await DayOf(to);
        var start = from ?? end.AddDays(-27);
        if (start > end)
        {
            throw Refusals.RangeReversed();
        }

        if (end.DayNumber - start.DayNumber >= maxDays)
        {
            throw Refusals.RangeTooLong(maxDays);
        }

        return (config, zone, start, end);
    }
}
