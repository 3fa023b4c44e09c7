using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>Arrivals of each theme as a Poisson process whose rate is constant within each 30-minute interval.</summary>
public sealed class PoissonArrivals(IReadOnlyList<ThemeDemand> demand) : IArrivalSource
{
    public IReadOnlyList<CitizenArrival> Arrivals(double fromMinute, double toMinute, Random random)
    {
        var arrivals = new List<CitizenArrival>();
        foreach (var theme in demand)
        {
            var at = fromMinute;
            while (at < toMinute)
            {
                var interval = Math.Min((int)(at / AnalyticsInterval.Minutes), AnalyticsInterval.PerDay - 1);
                var end = Math.Min(toMinute, (interval + 1) * (double)AnalyticsInterval.Minutes);
                var rate = theme.RatePerMinute(interval);
                var next = rate > 0 ? at - (Math.Log(1 - random.NextDouble()) / rate) : double.PositiveInfinity;
                if (next < end)
                {
                    arrivals.Add(new CitizenArrival(theme.ThemeCode, next));
                    at = next;
                }
                else
                {
                    at = end; // memoryless: the next interval starts afresh at its own rate
                }
            }
        }

        // Sorted in place, without OrderBy's copies: the same order, as two draws of a continuous clock never tie.
        arrivals.Sort(static (a, b) => a.Minute.CompareTo(b.Minute));
        return arrivals;
    }
}
