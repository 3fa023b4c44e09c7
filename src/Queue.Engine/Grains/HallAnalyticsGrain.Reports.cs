using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain;
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

    public async Task<CitizenYear> GetCitizenYearAsync(string ticketId)
    {
        var (config, zone, today) = await DayOf(null);
        var issued = (await journal.ReadTicketEventsAsync(ticketId)).FirstOrDefault(e => e.Kind == HallEventKind.TicketIssued && e.HallId == HallId)
            ?? throw Refusals.TicketNotFound();
        var year = BusinessClock.Day(issued.At, zone).Year;
        var key = issued.CitizenKey;
        var linked = new List<Contracts.Events.HallEvent>();
        if (!string.IsNullOrEmpty(key))
        {
            // Day by day, keeping only the citizen's own tickets: a year of everyone's journal never sits in memory.
            var tickets = new HashSet<string>(StringComparer.Ordinal);
            var last = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
            for (var date = new DateOnly(year, 1, 1).AddDays(-config.OneTripDays); date <= last; date = date.AddDays(1))
            {
                linked.AddRange(CitizenYearSummary.Linked(await JournalDay.ReadDayAsync(journal, HallId, date, zone), key, tickets));
            }
        }

        return CitizenYearSummary.Summarize(config, year, key, linked, zone);
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
