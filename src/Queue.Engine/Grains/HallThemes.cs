using System.Collections.Immutable;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.Engine.Grains;

/// <summary>
/// The hall's themes as the snapshot, the guardian and the capacity asks see them: the theme grains (referenced once per
/// configuration), every theme's last reported load, and the outlook handed down with each stats call, so that a snapshot
/// is 1 + N grain calls (no theme calls the hall back). Owned by <see cref="HallGrain"/> and run on its turns.
/// </summary>
internal sealed class HallThemes(IGrainFactory grains, string hallId)
{
    private readonly Dictionary<string, ThemeLoad> _loads = [];
    private HallConfig? _config;
    private IThemeQueueGrain[] _grains = [];

    /// <summary>Every theme's figures, each worked out by its theme from the roster and the loads handed down; the loads they used are kept.</summary>
    public async Task<ThemeQueueSnapshot[]> StatsAsync(HallConfig config, IEnumerable<WindowSnapshot> windows, Func<string, ThemeWaitForecast?> forecast)
    {
        var themes = Grains(config);
        var roster = windows.ToImmutableArray();
        var loads = Loads(config);
        var replies = await Task.WhenAll(themes.Select((theme, i) => theme.GetStatsAsync(new HallOutlook(roster, loads, forecast(config.Themes[i].Code)))));
        foreach (var reply in replies)
        {
            _loads[reply.Load.ThemeCode] = reply.Load;
        }

        return [.. replies.Select(r => r.Stats)];
    }

    /// <summary>The asking theme's outlook; its load is kept for the next asks (the other themes' are the last they reported).</summary>
    public WaitOutlook Outlook(HallConfig config, IEnumerable<WindowSnapshot> windows, ThemeLoad asking, ThemeWaitForecast? forecast)
    {
        _loads[asking.ThemeCode] = asking;
        return new(WaitPrediction.Capacity(windows, Loads(config)).GetValueOrDefault(asking.ThemeCode), forecast);
    }

    /// <summary>A theme's outlook from what its hall handed down, with its own current load in place of the one the hall knew.</summary>
    public static WaitOutlook Outlook(HallOutlook hall, ThemeLoad own)
    {
        var loads = hall.Loads.Select(l => l.ThemeCode == own.ThemeCode ? own : l).ToList();
        return new(WaitPrediction.Capacity(hall.Windows, loads).GetValueOrDefault(own.ThemeCode), hall.Forecast);
    }

    /// <summary>Every configured theme's load in the hall's order; a theme not heard from counts as empty.</summary>
    private ImmutableArray<ThemeLoad> Loads(HallConfig config) =>
        [.. config.Themes.Select(t => _loads.GetValueOrDefault(t.Code) ?? new ThemeLoad(t.Code, 0, t.ExpectedServiceMinutes))];

    private IThemeQueueGrain[] Grains(HallConfig config)
    {
        if (!ReferenceEquals(config, _config))
        {
            _grains = [.. config.Themes.Select(t => grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, t.Code)))];
            _config = config;
        }

        return _grains;
    }
}
