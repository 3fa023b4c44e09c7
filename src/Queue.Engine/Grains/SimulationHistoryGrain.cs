using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Queue.Contracts.Analytics;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain;
using Queue.Domain.Analytics;
using Queue.Engine.Persistence;
using Queue.Engine.TimeSeries;
using Queue.Hosting;

namespace Queue.Engine.Grains;

/// <summary>
/// A hall's history for the simulator: a past day's arrivals to replay (the journal's issue times, else the time-series
/// store's 15-minute counts) and a future day's forecast, made by <see cref="DemandForecast.Forecast"/> over the same
/// weeks of history that the tidal plan grain reads for its advice. Stateless: reads only.
/// </summary>
[StatelessWorker]
public sealed class SimulationHistoryGrain(ITimeSeriesStore series, IStateStore journal) : Grain, ISimulationHistoryGrain
{
    /// <summary>At most this many service times per theme go to the simulator (the latest), in a fixed order so that a seed repeats a run.</summary>
    public const int MaxSamplesPerTheme = 2000;

    private const int ServiceLookBackDays = 28;

    private string HallId => this.GetPrimaryKeyString();

    public async Task<SimulationHistory> GetReplayAsync(DateOnly date)
    {
        var config = await Config();
        var zone = BusinessClock.Zone(config.TimeZone);
        var (start, end) = TimeSeriesQueries.Range(date, date, zone);
        var issued = (await JournalDay.ReadAsync(journal, HallId, start, end))
            .Where(e => e.Kind == HallEventKind.TicketIssued && e.ThemeCode is not null && config.FindTheme(e.ThemeCode) is not null)
            .Select(e => new HistoryArrivals(e.ThemeCode!, Minute(e.At, zone), Minute(e.At, zone), 1))
            .ToImmutableArray();
        var source = "journal";
        if (issued.IsEmpty)
        {
            source = "series";
            issued = [.. (await series.ReadDaysAsync(HallId, date, date, zone))
                .Where(b => b.Issued > 0 && config.FindTheme(b.Theme) is not null)
                .GroupBy(b => (b.Theme, b.Start))
                .Select(g => new HistoryArrivals(
                    g.Key.Theme, Minute(g.Key.Start, zone), Minute(g.Key.Start, zone) + TimeBucket.Width.TotalMinutes, (int)g.Sum(b => b.Issued)))];
        }

        var services = await series.ReadServiceSamplesAsync(HallId, date.AddDays(-ServiceLookBackDays), date, zone);
        return new SimulationHistory(HallId, date, source, issued, [], Services(config, services), 0);
    }

    public async Task<SimulationHistory> GetForecastAsync(DateOnly date)
    {
        var config = await Config();
        var (arrivals, services) = await series.ReadForecastHistoryAsync(HallId, date, BusinessClock.Zone(config.TimeZone));
        var forecast = TidalAdvisor.Forecast(config, arrivals, services, date); // a 调休 day like the weekday it takes
        var rates = forecast.Intervals.Select(d => new HistoryRate(d.Theme, d.IntervalIndex, d.ArrivalsPerInterval, d.HandleMinutes)).ToImmutableArray();
        var recent = services.Where(s => s.Date > date.AddDays(-ServiceLookBackDays - 1)).ToList();
        return new SimulationHistory(HallId, date, "forecast", [], rates, Services(config, recent), forecast.WeeksObserved);
    }

    private async Task<HallConfig> Config() =>
        await GrainFactory.GetGrain<IHallGrain>(HallId).GetConfigAsync() ?? throw Refusals.HallNotFound(HallId);

    private static double Minute(DateTimeOffset at, TimeZoneInfo zone) => BusinessClock.LocalTime(at, zone).ToTimeSpan().TotalMinutes;

    private static ImmutableArray<HistoryServiceTimes> Services(HallConfig config, IReadOnlyList<ServiceSample> samples) =>
    [
        .. samples.Where(s => config.FindTheme(s.Theme) is not null && double.IsFinite(s.Minutes) && s.Minutes > 0)
            .GroupBy(s => s.Theme)
            .Select(g => new HistoryServiceTimes(g.Key, [.. g.OrderByDescending(s => s.Date).ThenBy(s => s.IntervalIndex).ThenBy(s => s.Minutes).Take(MaxSamplesPerTheme).Select(s => s.Minutes)])),
    ];
}
