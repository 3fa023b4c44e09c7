using Queue.Contracts.Snapshots;

namespace Queue.Engine.Grains;

/// <summary>A theme's wait outlook as the hall reports it (capacity and forecast; the theme's load goes with each ask); on the hot command path asked at most once a second.</summary>
internal sealed class ThemeCapacityCache(Func<ThemeLoad, Task<WaitOutlook>> ask)
{
    private const long TtlMs = 1000;
    // Not long.MinValue: "now - At" would overflow to a negative age and the first ask would never be made.
    private (WaitOutlook Value, long At) _outlook = (new WaitOutlook(0, null), long.MinValue / 2);

    public async Task<WaitOutlook> GetAsync(ThemeLoad load, bool fresh = false)
    {
        var now = Environment.TickCount64;
        if (fresh || now - _outlook.At > TtlMs)
        {
            _outlook = (await ask(load), now);
        }

        return _outlook.Value;
    }
}
