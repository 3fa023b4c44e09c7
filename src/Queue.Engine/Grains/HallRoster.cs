using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.Engine.Grains;

/// <summary>
/// The hall's roster of windows and the hall snapshot built from it. The roster is a cache that windows keep fresh
/// (<see cref="Changed"/>) and that is loaded once per activation from the windows themselves (shared by interleaved
/// callers). Owned by <see cref="HallGrain"/> and run on its turns.
/// </summary>
internal sealed class HallRoster(IGrainFactory grains, string hallId)
{
    private readonly Dictionary<int, WindowSnapshot> _windows = [];
    private Task? _load;

    public IReadOnlyCollection<WindowSnapshot> Windows => _windows.Values;

    /// <summary>Keeps the newest snapshot of a window (a late, older one does not overwrite it).</summary>
    public void Changed(WindowSnapshot window)
    {
        if (!_windows.TryGetValue(window.WindowNo, out var known) || known.Version <= window.Version)
        {
            _windows[window.WindowNo] = window;
        }
    }

    /// <summary>The configuration changed: forget the roster; the next use loads it again.</summary>
    public void Reset()
    {
        _windows.Clear();
        _load = null;
    }

    public Task LoadAsync(HallConfig? config) => _load ??= Load(config);

    public HallSnapshot Snapshot(HallConfig config, long sequence, IReadOnlyList<ThemeQueueSnapshot> themes, DateTimeOffset now)
    {
        var windows = config.Windows.Select(w => _windows.GetValueOrDefault(w.WindowNo)).OfType<WindowSnapshot>().OrderBy(w => w.WindowNo);
        return new HallSnapshot(hallId, config.Name, BusinessClock.Day(now, config.TimeZone), sequence, [.. themes], [.. windows], now);
    }

    private async Task Load(HallConfig? config)
    {
        if (config is null)
        {
            return;
        }

        var windows = await Task.WhenAll(config.Windows.Select(w =>
            grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, w.WindowNo)).GetSnapshotAsync()));
        foreach (var window in windows)
        {
            Changed(window);
        }
    }
}
