using Queue.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;
using Queue.Engine.Persistence;

namespace Queue.Engine.Grains;

/// <summary>
/// A hall: its configuration (persisted), the roster of its windows (a cache that windows keep fresh and that
/// is rebuilt from them on activation), the hall snapshot and the event journal. It is on no ticket's hot path
/// other than the cheap, interleaved configuration and capacity reads.
/// </summary>
public sealed class HallGrain(
    [PersistentState("hall", QueueGrainStorage.ProviderName)] IPersistentState<HallState> state,
    IStateStore store,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock,
    IOptions<QueueSiloOptions> options,
    ForecastGate forecasts,
    ILogger<HallGrain> logger)
    : QueueGrain<HallState>(state), IHallGrain
{
    private HallRoster? _roster;
    private HallJournalFeed? _feed;
    private IGrainTimer? _guardian;
    private IGrainTimer? _forecast;
    private HallWaitForecaster? _forecaster;
    private HallThemes? _themes;

    private string HallId => this.GetPrimaryKeyString();

    private HallRoster Roster => _roster ??= new(GrainFactory, HallId);

    private HallJournalFeed Feed => _feed ??= new(this, HallId, store, logger);

    private HallWaitForecaster Forecaster => _forecaster ??= new(GrainFactory, forecasts, HallId, Feed.FiguresChanged, logger);

    private HallThemes Themes => _themes ??= new(GrainFactory, HallId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StartGuardian();
        if (State.Config is not null)
        {
            // One-way: the plan's own activation resumes following an applied plan (its timer), after a restart too.
            _ = GrainFactory.GetGrain<ITidalPlanGrain>(HallId).WakeAsync();
        }

        return Task.CompletedTask;
    }

    public Task<HallConfig?> GetConfigAsync() => Task.FromResult(State.Config);

    public Task<IReadOnlyList<SlaAlert>> GetAlertsAsync() =>
        Task.FromResult<IReadOnlyList<SlaAlert>>([.. State.Alerts.Values.OrderByDescending(a => a.Severity).ThenBy(a => a.ThemeCode, StringComparer.Ordinal)]);

    public async Task<HallConfig> ConfigureAsync(HallConfig config) => (await ConfigureAsync(config, new ConfigEdit(null, null))).Config!;

    public Task<VersionedConfig> GetVersionedConfigAsync() => Task.FromResult(new VersionedConfig(State.Config, State.ConfigVersion));

    public async Task<VersionedConfig> ConfigureAsync(HallConfig config, ConfigEdit edit)
    {
        var validated = HallConfigValidator.Validate(config, HallId);
        State.Configure(validated, edit, HallId, clock.GetUtcNow());
        // Listed first (listing is idempotent): a crash after the save would otherwise leave a configured hall that
        // the seeder skips and the directory never lists (no day close, no relay, device tokens refused).
        await GrainFactory.GetGrain<IHallDirectoryGrain>(0).RegisterAsync(HallId);
        await SaveAsync();
        await Task.WhenAll(
            validated.Themes.Select(t => GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(HallId, t.Code)).ConfigChangedAsync(validated))
                .Concat(validated.Windows.Select(w => GrainFactory.GetGrain<IWindowGrain>(GrainKeys.Window(HallId, w.WindowNo)).ConfigChangedAsync(validated))));
        Roster.Reset();
        StartGuardian();
        return new VersionedConfig(validated, State.ConfigVersion);
    }

    public async Task<HallSnapshot> GetSnapshotAsync()
    {
        var config = State.Config ?? throw HallNotFound(HallId);
        // The last sequence is read from the store once per activation, then kept from the events the writers hand over.
        var sequence = await Feed.LastSequenceAsync();
        await Roster.LoadAsync(State.Config);
        return Roster.Snapshot(config, sequence, await ThemeStats(config), clock.GetUtcNow());
    }

    /// <summary>Each theme reports its load when it asks (and with its figures at every guardian round); a theme not heard from counts as empty. The forecast is the timer's, cached.</summary>
    public async Task<WaitOutlook> GetWaitOutlookAsync(ThemeLoad asking)
    {
        var config = State.Config ?? throw HallNotFound(HallId);
        await Roster.LoadAsync(State.Config);
        return Themes.Outlook(config, Roster.Windows, asking, Forecaster.For(asking.ThemeCode));
    }

    public Task WindowChangedAsync(WindowSnapshot window)
    {
        Roster.Changed(window);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<HallEvent>> GetEventsAsync(long afterSequence, int max) =>
        await store.ReadEventsAsync(HallId, Math.Max(0, afterSequence), Math.Clamp(max, 1, 1000));

    public async Task<int> CloseDayAsync()
    {
        var config = State.Config ?? throw HallNotFound(HallId);
        var expired = await ExpireAsync(config.Themes);
        State.LastClosedDay = BusinessClock.Day(clock.GetUtcNow(), config.TimeZone);
        await SaveAsync();
        return expired;
    }

    public Task SubscribeAsync(IHallObserver observer) => Feed.SubscribeAsync(observer);

    public Task UnsubscribeAsync(IHallObserver observer)
    {
        Feed.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task EventsCommittedAsync(HallEvent[] events) => Feed.CommittedAsync(events);

    public async Task<int> CloseDayIfDueAsync()
    {
        var now = clock.GetUtcNow();
        if (DayClose.IsDue(State.Config, State.LastClosedDay, now))
        {
            return await CloseDayAsync();
        }

        // Each zone closes on its own at the end of its last period of the day (a lunch break is not one).
        var zones = DayClose.ZonesDue(State.Config, State.LastClosedDay, State.ZonesClosed, now);
        if (State.Config is not { } config || zones.Count == 0)
        {
            return 0;
        }

        var expired = await ExpireAsync(config.Themes.Where(t => zones.Contains(t.ZoneId)));
        foreach (var zone in zones)
        {
            State.ZonesClosed[zone] = BusinessClock.Day(now, config.TimeZone);
        }

        await SaveAsync();
        return expired;
    }

    /// <summary>Expires the waiting tickets of the themes (their day is over); the count expired.</summary>
    private async Task<int> ExpireAsync(IEnumerable<ThemeConfig> themes) =>
        (await Task.WhenAll(themes.Select(t => GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(HallId, t.Code)).CloseDayAsync()))).Sum();

    /// <summary>Every configured hall keeps itself alive with the guardian: people can wait while nobody touches anything.</summary>
    private void StartGuardian()
    {
        if (State.Config is not null)
        {
            var period = TimeSpan.FromSeconds(options.Value.SlaCheckSeconds);
            _guardian ??= this.RegisterGrainTimer(Guard, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
            // The forward wait prediction: interleaved, its simulation off the grain's turn, so that no call waits for it.
            _forecast ??= this.RegisterGrainTimer(Forecast, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), period) { Interleave = true });
        }
    }

    private async Task Forecast(CancellationToken cancellationToken)
    {
        if (State.Config is { } config)
        {
            await Roster.LoadAsync(config);
            await Forecaster.RefreshAsync(config, [.. Roster.Windows], clock.GetUtcNow());
        }
    }

    /// <summary>Re-evaluates the SLA of every theme; a new, changed or resolved alert is persisted with its event.</summary>
    private async Task Guard(CancellationToken cancellationToken)
    {
        if (State.Config is not { } config)
        {
            return;
        }

        await Roster.LoadAsync(State.Config);
        var themes = await ThemeStats(config);
        var now = clock.GetUtcNow();
        State.PendingEvents.AddRange(SlaAlertBook.Update(State.Alerts, SlaGuardian.Evaluate(config, themes, [.. Roster.Windows], now, Forecaster.For), HallId, now));
        if (State.PendingEvents.Count > 0)
        {
            await SaveAsync();
        }
    }

    /// <summary>Every theme's figures, the capacity handed down (the roster must be loaded): N calls, none back to the hall.</summary>
    private Task<ThemeQueueSnapshot[]> ThemeStats(HallConfig config) => Themes.StatsAsync(config, Roster.Windows, Forecaster.For);
}
