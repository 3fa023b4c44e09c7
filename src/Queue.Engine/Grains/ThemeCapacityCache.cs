namespace Queue.Engine.Grains;

/// <summary>A theme's serving capacity as the hall reports it; on the hot command path asked at most once a second.</summary>
internal sealed class ThemeCapacityCache(Func<Task<double>> ask)
{
    private const long TtlMs = 1000;
    private (double Value, long At) _capacity = (0, long.MinValue);

    public async Task<double> GetAsync(bool fresh = false)
    {
        var now = Environment.TickCount64;
        if (fresh || now - _capacity.At > TtlMs)
        {
            _capacity = (await ask(), now);
        }

        return _capacity.Value;
    }
}
