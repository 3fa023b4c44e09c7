using Queue.Engine.Hosting;
using Queue.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Utilities;
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
    ILogger<HallGrain> logger)
    : QueueGrain<HallState>(state), IHallGrain
{
    private const int DeliveryBatch = 500;
    private static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SafetyNetPeriod = TimeSpan.FromSeconds(5);
    private readonly Dictionary<int, WindowSnapshot> _roster = [];
    private readonly ObserverManager<IHallObserver> _observers = new(ObserverExpiry, logger);
    private Task? _rosterLoad;
    private long _delivered = -1;
    private IGrainTimer? _safetyNet;
    private IGrainTimer? _guardian;

    private string HallId => this.GetPrimaryKeyString();

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

    public async Task<HallConfig> ConfigureAsync(HallConfig config)
    {
        var validated = HallConfigValidator.Validate(config, HallId);
        State.Config = validated;
        State.PendingEvents.Add(new HallEvent(HallId, 0, clock.GetUtcNow(), HallEventKind.HallConfigured));
        // Listed first (listing is idempotent): a crash after the save would otherwise leave a configured hall that
        // the seeder skips and the directory never lists (no day close, no relay, device tokens refused).
        await GrainFactory.GetGrain<IHallDirectoryGrain>(0).RegisterAsync(HallId);
        await SaveAsync();
        await Task.WhenAll(
            validated.Themes.Select(t => GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(HallId, t.Code)).ConfigChangedAsync())
                .Concat(validated.Windows.Select(w => GrainFactory.GetGrain<IWindowGrain>(GrainKeys.Window(HallId, w.WindowNo)).ConfigChangedAsync())));
        _roster.Clear();
        _rosterLoad = null;
        StartGuardian();
        return validated;
    }

    public async Task<HallSnapshot> GetSnapshotAsync()
    {
        var config = State.Config ?? throw HallNotFound(HallId);
        var sequence = await store.LastSequenceAsync(HallId);
        await Roster();
        var themes = await Task.WhenAll(config.Themes.Select(t =>
            GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(HallId, t.Code)).GetStatsAsync()));
        var windows = config.Windows.Select(w => _roster.GetValueOrDefault(w.WindowNo)).OfType<WindowSnapshot>().OrderBy(w => w.WindowNo);
        var now = clock.GetUtcNow();
        return new HallSnapshot(HallId, config.Name, BusinessClock.Day(now, config.TimeZone), sequence, [.. themes], [.. windows], now);
    }

    public async Task<IReadOnlyDictionary<string, double>> GetServingCapacityAsync()
    {
        var config = State.Config ?? throw HallNotFound(HallId);
        await Roster();
        return WaitPrediction.Capacity(_roster.Values, [.. config.ThemeCodes]);
    }

    public Task WindowChangedAsync(WindowSnapshot window)
    {
        if (!_roster.TryGetValue(window.WindowNo, out var known) || known.Version <= window.Version)
        {
            _roster[window.WindowNo] = window;
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<HallEvent>> GetEventsAsync(long afterSequence, int max) =>
        await store.ReadEventsAsync(HallId, Math.Max(0, afterSequence), Math.Clamp(max, 1, 1000));

    public async Task<int> CloseDayAsync()
    {
        var config = State.Config ?? throw HallNotFound(HallId);
        var expired = await Task.WhenAll(config.Themes.Select(t =>
            GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(HallId, t.Code)).CloseDayAsync()));
        State.LastClosedDay = BusinessClock.Day(clock.GetUtcNow(), config.TimeZone);
        await SaveAsync();
        return expired.Sum();
    }

    public async Task SubscribeAsync(IHallObserver observer)
    {
        if (_delivered < 0)
        {
            _delivered = await store.LastSequenceAsync(HallId);
        }

        _observers.Subscribe(observer, observer);
        // One-way notifications can be lost with a silo; while anyone watches, a timer looks for undelivered events.
        _safetyNet ??= this.RegisterGrainTimer(_ => DeliverAsync(long.MaxValue), new GrainTimerCreationOptions(SafetyNetPeriod, SafetyNetPeriod));
    }

    public Task UnsubscribeAsync(IHallObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task EventsCommittedAsync(long sequence) => DeliverAsync(sequence);

    /// <summary>Reads the journal after what was delivered, up to <paramref name="sequence"/>, and sends it to the watchers in order.</summary>
    private async Task DeliverAsync(long sequence)
    {
        if (_observers.Count == 0)
        {
            _safetyNet?.Dispose();
            _safetyNet = null;
            _delivered = -1;
            return;
        }

        while (_delivered < sequence)
        {
            var batch = await store.ReadEventsAsync(HallId, _delivered, DeliveryBatch);
            if (batch.Count == 0)
            {
                return;
            }

            _delivered = batch[^1].Sequence;
            var events = batch.ToArray();
            _observers.Notify(o => o.OnEventsAsync(events).Ignore());
        }
    }

    public async Task<int> CloseDayIfDueAsync()
    {
        if (State.Config is not { EnforceOpeningHours: true } config)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var due = BusinessClock.LocalTime(now, config.TimeZone) >= config.Closes && State.LastClosedDay != BusinessClock.Day(now, config.TimeZone);
        return due ? await CloseDayAsync() : 0;
    }

    /// <summary>Every configured hall keeps itself alive with the guardian: people can wait while nobody touches anything.</summary>
    private void StartGuardian()
    {
        if (State.Config is not null)
        {
            var period = TimeSpan.FromSeconds(options.Value.SlaCheckSeconds);
            _guardian ??= this.RegisterGrainTimer(Guard, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        }
    }

    /// <summary>Re-evaluates the SLA of every theme; a new, changed or resolved alert is persisted with its event.</summary>
    private async Task Guard(CancellationToken cancellationToken)
    {
        if (State.Config is not { } config)
        {
            return;
        }

        await Roster();
        var themes = await Task.WhenAll(config.Themes.Select(t =>
            GrainFactory.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(HallId, t.Code)).GetStatsAsync()));
        var now = clock.GetUtcNow();
        var current = SlaGuardian.Evaluate(config, themes, [.. _roster.Values], now).ToDictionary(a => a.ThemeCode);
        foreach (var (theme, alert) in current)
        {
            var known = State.Alerts.GetValueOrDefault(theme);
            if (known is null || known.Severity != alert.Severity || known.SuggestedWindowNo != alert.SuggestedWindowNo)
            {
                var kept = alert with { Since = known?.Since ?? now };
                State.Alerts[theme] = kept;
                State.PendingEvents.Add(new HallEvent(HallId, 0, now, HallEventKind.SlaAlert, ThemeCode: theme, WindowNo: alert.SuggestedWindowNo,
                    WaitSeconds: alert.ProjectedWaitMinutes * 60, Reason: alert.MessageZh, Alert: kept));
            }
        }

        foreach (var resolved in State.Alerts.Keys.Where(t => !current.ContainsKey(t)).ToList())
        {
            State.Alerts.Remove(resolved);
            State.PendingEvents.Add(new HallEvent(HallId, 0, now, HallEventKind.SlaResolved, ThemeCode: resolved));
        }

        if (State.PendingEvents.Count > 0)
        {
            await SaveAsync();
        }
    }

    /// <summary>The roster, loaded once per activation from the windows themselves (shared by interleaved callers).</summary>
    private Task Roster() => _rosterLoad ??= LoadRoster();

    private async Task LoadRoster()
    {
        var config = State.Config;
        if (config is null)
        {
            return;
        }

        var windows = await Task.WhenAll(config.Windows.Select(w =>
            GrainFactory.GetGrain<IWindowGrain>(GrainKeys.Window(HallId, w.WindowNo)).GetSnapshotAsync()));
        foreach (var window in windows)
        {
            await WindowChangedAsync(window);
        }
    }
}
