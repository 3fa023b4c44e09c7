using Queue.Contracts.Snapshots;

namespace Queue.Engine.Grains;

/// <summary>A theme's serving capacity as the hall reports it (the theme's load goes with each ask); on the hot command path asked at most once a second.</summary>
internal sealed class ThemeCapacityCache(Func<ThemeLoad, Task<double>> ask)
{
    private const long TtlMs = 1000;
    private (double Value, long At) _capacity = (0, long.MinValue);

    public async Task<double> GetAsync(ThemeLoad load, bool fresh = false)
    {
        var now = Environment.TickCount64;
        if (fresh || now - _capacity.At > TtlMs)
        {
            _capacity = (await ask(load), now);
        }

        return _capacity.Value;
    }
}
