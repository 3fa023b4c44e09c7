using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;
using Queue.Domain;
using Queue.Hosting;
using Queue.Engine.Persistence;
using Queue.Engine.TimeSeries;

namespace Queue.Engine.Grains;

/// <summary>
/// Tidal advice and its application for one hall. Computing reads the hall's history from the time-series store
/// (off every ticket's path). While a plan applies today, a timer checks every 30 s that each tidal window has its
/// interval's theme first, so windows switch within half a minute of each boundary, and after a restart too. Once a
/// window has switched in an interval, a move made on it by staff (for an SLA alert) stands until the next boundary
/// (<see cref="TidalWindowSwitch"/>).
/// </summary>
public sealed class TidalPlanGrain(
    [PersistentState("tidal", QueueGrainStorage.ProviderName)] IPersistentState<TidalPlanState> state,
    ITimeSeriesStore timeSeries,
    [FromKeyedServices(QueueClock.Key)] TimeProvider clock)
    : QueueGrain<TidalPlanState>(state), ITidalPlanGrain
{
    private static readonly TimeSpan FollowEvery = TimeSpan.FromSeconds(30);
    private TidalWindowSwitch? _switch;
    private IGrainTimer? _follower;

    private string HallId => this.GetPrimaryKeyString();

    private TidalWindowSwitch Switch => _switch ??= new(GrainFactory, HallId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Follow();
        return Task.CompletedTask;
    }

    public async Task<TidalAdvice> ComputeAsync(DateOnly date)
    {
        var config = await Config();
        if (State.Advice.TryGetValue(date, out var applied) && applied.AppliedAt is not null)
        {
            return applied;
        }

        return await Keep(date, await Forecast(config, date));
    }

    public async Task<TidalAdvice> PlanAsync(DateOnly date, ImmutableArray<TidalPlanCell> cells)
    {
        var config = await Config();
        if (date < BusinessClock.Day(clock.GetUtcNow(), config.TimeZone))
        {
            throw Refusals.AdvicePast();
        }

        var current = State.Advice.GetValueOrDefault(date);
        if (current?.AppliedAt is not null)
        {
            throw Refusals.TidalPlanApplied(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return await Keep(date, TidalCustomPlan.Replace(config, current ?? await Forecast(config, date), cells, clock.GetUtcNow()));
    }

    private async Task<TidalAdvice> Forecast(HallConfig config, DateOnly date)
    {
        var (arrivals, services) = await timeSeries.ReadForecastHistoryAsync(HallId, date, BusinessClock.Zone(config.TimeZone));
        return TidalAdvisor.Advise(config, arrivals, services, date, clock.GetUtcNow());
    }

    private async Task<TidalAdvice> Keep(DateOnly date, TidalAdvice advice)
    {
        State.Advice[date] = advice;
        foreach (var old in State.Advice.Keys.Where(d => d < date.AddDays(-14)).ToList())
        {
            State.Advice.Remove(old);
        }

        await SaveAsync();
        return advice;
    }

    public Task WakeAsync() => Task.CompletedTask;

    public Task<TidalAdvice?> GetAsync(DateOnly date) => Task.FromResult(State.Advice.GetValueOrDefault(date));

    public async Task<TidalAdvice> CheckAsync(DateOnly date, DateTimeOffset computedAt, StaffingCheck check)
    {
        var advice = State.Advice.GetValueOrDefault(date) ?? throw Refusals.AdviceNotFound(date);
        if (advice.ComputedAt == computedAt && advice.Check != check)
        {
            State.Advice[date] = advice = advice with { Check = check };
            await SaveAsync();
        }

        return advice;
    }

    public Task<TidalAdvice> ApplyAsync(DateOnly date) => ApplyAsync(date, null);

    public async Task<TidalAdvice> ApplyAsync(DateOnly date, string? actorId)
    {
        var config = await Config();
        var advice = State.Advice.GetValueOrDefault(date) ?? throw Refusals.AdviceNotFound(date);
        var now = clock.GetUtcNow();
        if (date < BusinessClock.Day(now, config.TimeZone))
        {
            throw Refusals.AdvicePast();
        }

        if (advice.AppliedAt is null)
        {
            State.Advice[date] = advice = advice with { AppliedAt = now };
            State.PendingEvents.Add(new HallEvent(HallId, 0, now, HallEventKind.TidalPlanApplied,
                Reason: date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ActorId: actorId));
            await SaveAsync();
        }

        Switch.Reset();
        Follow();
        return advice;
    }

    public Task<TidalAdvice> UndoAsync(DateOnly date) => UndoAsync(date, null);

    public async Task<TidalAdvice> UndoAsync(DateOnly date, string? actorId)
    {
        var config = await Config();
        var advice = State.Advice.GetValueOrDefault(date) ?? throw Refusals.AdviceNotFound(date);
        if (advice.AppliedAt is null)
        {
            throw Refusals.AdviceNotApplied(date);
        }

        var now = clock.GetUtcNow();
        var today = BusinessClock.Day(now, config.TimeZone);
        if (date < today)
        {
            throw Refusals.AdvicePastUndo();
        }

        State.Advice[date] = advice = advice with { AppliedAt = null };
        State.PendingEvents.Add(new HallEvent(HallId, 0, now, HallEventKind.TidalPlanUndone,
            Reason: date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ActorId: actorId));
        await SaveAsync();
        Switch.Reset();
        if (date == today)
        {
            await Switch.RestoreAsync(config);
        }

        if (!State.Advice.Values.Any(a => a.AppliedAt is not null))
        {
            _follower?.Dispose();
            _follower = null;
        }

        return advice;
    }

    private void Follow()
    {
        if (State.Advice.Values.Any(a => a.AppliedAt is not null))
        {
            _follower ??= this.RegisterGrainTimer(FollowPlan, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), FollowEvery) { KeepAlive = true });
        }
    }

    /// <summary>Under today's applied plan, each tidal window takes its interval's theme first (its usual profile on standby).</summary>
    private async Task FollowPlan(CancellationToken cancellationToken)
    {
        var config = await GrainFactory.GetGrain<IHallGrain>(HallId).GetConfigAsync();
        var now = clock.GetUtcNow();
        if (config is not null && TidalFollowing.Today(State.Advice, config, now) is { } advice)
        {
            await Switch.FollowAsync(config, advice, now);
        }
    }

    private async Task<HallConfig> Config() =>
        await GrainFactory.GetGrain<IHallGrain>(HallId).GetConfigAsync() ?? throw HallNotFound(HallId);
}
