using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;
using Queue.Domain;
using Queue.Hosting;
using Queue.Engine.Persistence;
using Queue.Engine.TimeSeries;

namespace Queue.Engine.Grains;

/// <summary>
/// A hall's analytics for the big screen and the manager pages: reads the silo's time-series store (buckets of live
/// events and demo history) and, for the 没办成 list and the window activity, the hall's journal; asks the hall for its
/// configuration and snapshot. Stateless, so each silo may run several at once.
/// </summary>
[StatelessWorker]
public sealed partial class HallAnalyticsGrain(
    ITimeSeriesStore series,
    IStateStore journal,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock) : Grain, IHallAnalyticsGrain
{
    private string HallId => this.GetPrimaryKeyString();

    private IHallGrain Hall => GrainFactory.GetGrain<IHallGrain>(HallId);

    public async Task<HallKpis> GetKpisAsync(DateOnly? date)
    {
        var (config, zone, day) = await DayOf(date);
        var snapshot = await Hall.GetSnapshotAsync();
        var buckets = await Buckets(day, day, zone);
        // Those waiting now belong to the snapshot's business day only.
        var waiting = snapshot.BusinessDay == day ? snapshot.Themes.Where(l => config.FindTheme(l.ThemeCode) is not null).ToList() : [];
        return AnalyticsFigures.Kpis(
            HallId, day, buckets, waiting.Sum(l => l.Waiting), waiting.Select(l => l.LongestWaitMinutes).DefaultIfEmpty(0).Max(), clock.GetUtcNow(),
            waiting.Sum(l => l.LateWaiting));
    }

    public async Task<DayByHour> GetDayByHourAsync(DateOnly? date)
    {
        var (config, zone, day) = await DayOf(date);
        return AnalyticsFigures.ByHour(HallId, day, config.ThemeCodes, await Buckets(day, day, zone), zone);
    }

    public async Task<ArrivalPattern> GetArrivalPatternAsync(int weeks, string? theme)
    {
        var (config, zone, today) = await DayOf(null);
        if (theme is not null && config.FindTheme(theme) is null)
        {
            throw Refusals.ThemeNotFound(theme);
        }

        var to = today.AddDays(-1);
        var from = today.AddDays(-7 * weeks);
        var arrivals = await series.ReadArrivalsAsync(HallId, from, to, zone);
        return AnalyticsFigures.Pattern(HallId, theme, weeks, from, to, arrivals);
    }

    public async Task<QualityReport> GetQualityAsync(DateOnly? from, DateOnly? to)
    {
        var (_, zone, today) = await DayOf(to);
        var start = from ?? today.AddDays(-27);
        if (start > today)
        {
            throw Refusals.RangeReversed();
        }

        return AnalyticsFigures.Quality(HallId, start, today, await Buckets(start, today, zone));
    }

    public async Task<NotDoneReport> GetNotDoneAsync(DateOnly? date)
    {
        var (_, zone, day) = await DayOf(date);
        var t = AnalyticsFigures.Sum(await Buckets(day, day, zone));
        var (start, end) = TimeSeriesQueries.Range(day, day, zone);
        var events = await JournalDay.ReadAsync(journal, HallId, start, end);
        var tickets = events
            .Where(e => e.Kind == HallEventKind.ServiceCompleted && e.Outcome == ServiceOutcome.NotDone)
            .Select(e => new NotDoneTicket(e.At, e.DisplayNumber, e.ThemeCode ?? "", e.WindowNo ?? 0, e.Reason, e.StaffId));
        return new NotDoneReport(HallId, day, t.Completed, t.Done, t.Completed - t.Done, [.. tickets]);
    }

    public async Task<StaffReport> GetStaffAsync(DateOnly? date)
    {
        var (config, zone, day) = await DayOf(date);
        var buckets = await Buckets(day, day, zone);
        var snapshot = await Hall.GetSnapshotAsync();
        var (start, end) = TimeSeriesQueries.Range(day, day, zone);
        var now = clock.GetUtcNow();
        var events = await JournalDay.ReadAsync(journal, HallId, start, end);
        var activity = WindowActivity.Replay(events, (no, theme) => config.FindWindow(no)?.Profile.Serves(theme) == true, now < end ? now : end);
        var figures = config.Windows.OrderBy(w => w.WindowNo).Select(w =>
        {
            var done = AnalyticsFigures.Sum(buckets.Where(b => b.WindowNo == w.WindowNo));
            var times = activity.GetValueOrDefault(w.WindowNo) ?? new WindowTimes(w.WindowNo);
            var live = snapshot.BusinessDay == day ? snapshot.Windows.FirstOrDefault(s => s.WindowNo == w.WindowNo) : null;
            return new StaffFigure(
                w.WindowNo, live?.StaffId ?? times.StaffId, live?.StaffName, (live?.State ?? WindowState.Closed).ToString(), done.Completed,
                AnalyticsFigures.Share(done.ServiceSumSeconds, done.Completed), Math.Round(times.OpenSeconds), Math.Round(times.IdleWhileWaitingSeconds));
        });
        return new StaffReport(HallId, day, [.. figures]);
    }

    public const int MaxRatingDays = 92;

    public async Task<RatingsReport> GetRatingsAsync(DateOnly? from, DateOnly? to, bool onlyUnsatisfied)
    {
        var (config, zone, end) = await DayOf(to);
        var start = from ?? end.AddDays(-27);
        if (start > end)
        {
            throw Refusals.RangeReversed();
        }

        if (end.DayNumber - start.DayNumber >= MaxRatingDays)
        {
            throw Refusals.RangeTooLong(MaxRatingDays);
        }

        var (first, last) = TimeSeriesQueries.Range(start, end, zone);
        var events = await JournalDay.ReadAsync(journal, HallId, first, last);
        return RatingsByWait.Report(HallId, start, end, events, config, onlyUnsatisfied);
    }

    public async Task<WaitingCurve> GetWaitingCurveAsync(DateOnly? date)
    {
        var (_, zone, day) = await DayOf(date);
        return AnalyticsFigures.Waiting(HallId, day, await Buckets(day, day, zone), zone);
    }

    private async Task<(HallConfig Config, TimeZoneInfo Zone, DateOnly Day)> DayOf(DateOnly? date)
    {
        var config = await Hall.GetConfigAsync()
            ?? throw Refusals.HallNotFound(HallId);
        return (config, BusinessClock.Zone(config.TimeZone), date ?? BusinessClock.Day(clock.GetUtcNow(), config.TimeZone));
    }

    private Task<IReadOnlyList<TimeBucket>> Buckets(DateOnly from, DateOnly to, TimeZoneInfo zone) => series.ReadDaysAsync(HallId, from, to, zone);
}
