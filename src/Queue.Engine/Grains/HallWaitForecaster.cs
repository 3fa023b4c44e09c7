using Microsoft.Extensions.Logging;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Simulation;

namespace Queue.Engine.Grains;

/// <summary>
/// The hall's forward wait prediction (<see cref="ForwardPrediction"/>), refreshed on the hall's timer and cached: it gathers
/// each theme's waiting tickets, takes the roster's windows, today's tidal plan (applied or not, its forecast gives the
/// arrival rates; without one, each theme's rate so far today) and runs the replications off the grain's turn (on the
/// gate's low-priority thread), so that no command waits for it. The whole round, gathering included, takes its turn at the silo's
/// <see cref="ForecastGate"/>, whose budget the simulation is charged to, which bounds what all halls' predictions take of
/// the CPU. A forecast that changes what the pages show is announced (<c>changed</c>: the hall's watchers read the figures
/// again), since no event says so. Owned by <see cref="HallGrain"/>.
/// </summary>
internal sealed class HallWaitForecaster(IGrainFactory grains, ForecastGate gate, string hallId, Action changed, ILogger logger)
{
    private static readonly TimeSpan AdviceEvery = TimeSpan.FromMinutes(5);
    private IReadOnlyDictionary<string, ThemeWaitForecast> _forecasts = new Dictionary<string, ThemeWaitForecast>();
    private (DateOnly Day, TidalAdvice? Advice, DateTimeOffset At) _advice;
    private bool _running;

    /// <summary>The theme's latest forecast (null before the first one; <see cref="WaitPrediction.Predict"/> ignores a stale one).</summary>
    public ThemeWaitForecast? For(string theme) => _forecasts.GetValueOrDefault(theme);

    /// <summary>One round; <c>changed</c> is called when the forecasts now differ from the ones before (their places' waits).</summary>
    public async Task RefreshAsync(HallConfig config, IReadOnlyCollection<WindowSnapshot> windows, DateTimeOffset now)
    {
        if (_running || !gate.Enabled)
        {
            return; // the previous round is still simulating, or waiting for its turn: skip this one
        }

        _running = true;
        var before = _forecasts;
        try
        {
            _forecasts = await gate.RunAsync(async charge =>
            {
                var lines = await Task.WhenAll(config.Themes.Select(t => grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, t.Code)).GetLineStateAsync()));
                var advice = await Advice(config, now);
                var live = new LiveHall(config, now, lines, [.. windows], ForwardDemand.From(lines, ForwardDemand.Rates(config, lines, advice, now)))
                {
                    TidalPlan = advice?.AppliedAt is not null ? advice : null,
                };
                return await gate.Measure(charge, () => ForwardPrediction.Run(live));
            });
        }
        catch (Exception e) when (e is QueueRuleException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            // The pages fall back to the closed form (WaitPrediction) until a round succeeds again.
            logger.LogWarning(e, "Forward wait prediction for hall {HallId} failed; the closed form is used meanwhile", hallId);
            _forecasts = new Dictionary<string, ThemeWaitForecast>();
        }
        finally
        {
            _running = false;
        }

        if (!Same(before, _forecasts))
        {
            changed(); // the pages' predicted waits change with no event to say so
        }
    }

    private static bool Same(IReadOnlyDictionary<string, ThemeWaitForecast> a, IReadOnlyDictionary<string, ThemeWaitForecast> b) =>
        a.Count == b.Count && a.All(x => b.TryGetValue(x.Key, out var y)
            && x.Value.Low.SequenceEqual(y.Low) && x.Value.Median.SequenceEqual(y.Median) && x.Value.High.SequenceEqual(y.High));

    /// <summary>Today's tidal advice (its coverage carries the forecast arrivals), read every few minutes.</summary>
    private async Task<TidalAdvice?> Advice(HallConfig config, DateTimeOffset now)
    {
        var today = BusinessClock.Day(now, config.TimeZone);
        if (_advice.Day != today || now - _advice.At > AdviceEvery)
        {
            _advice = (today, await grains.GetGrain<ITidalPlanGrain>(hallId).GetAsync(today), now);
        }

        return _advice.Advice;
    }
}
