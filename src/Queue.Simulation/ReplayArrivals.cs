using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// <see cref="Count"/> citizens of a theme who took a ticket between two minutes after local midnight; an exact issue
/// time (from the journal) has <see cref="FromMinute"/> = <see cref="ToMinute"/>.
/// </summary>
public readonly record struct ArrivalSlot(string ThemeCode, double FromMinute, double ToMinute, int Count);

/// <summary>
/// A past day of the hall, replayed (回放): the tickets really issued, per theme. Exact times are kept; a count over a
/// span (the time-series store's 15-minute buckets) is spread uniformly over it with the arrival stream, so every
/// replication has the day's own counts and a seed fixes the times. Arrivals outside the asked minutes are left out.
/// </summary>
public sealed class ReplayArrivals(IReadOnlyList<ArrivalSlot> slots) : IArrivalSource
{
    public IReadOnlyList<ArrivalSlot> Slots => slots;

    /// <summary>How many tickets the day had.</summary>
    public int Total => slots.Sum(s => s.Count);

    public IReadOnlyList<CitizenArrival> Arrivals(double fromMinute, double toMinute, Random random)
    {
        var arrivals = new List<CitizenArrival>(Total);
        foreach (var slot in slots)
        {
            for (var k = 0; k < slot.Count; k++)
            {
                var at = slot.FromMinute + ((slot.ToMinute - slot.FromMinute) * random.NextDouble());
                if (at >= fromMinute && at < toMinute)
                {
                    arrivals.Add(new CitizenArrival(slot.ThemeCode, at));
                }
            }
        }

        return [.. arrivals.OrderBy(a => a.Minute).ThenBy(a => a.ThemeCode, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The replayed day as demand (arrivals per theme and 30-minute interval, by where each slot begins), for what plans from
    /// rates: the dedicated-FIFO baseline's windows and the tidal plan.
    /// </summary>
    public IReadOnlyList<ThemeDemand> Demand(IEnumerable<string> themeCodes, Func<string, ServiceTimeModel> service) =>
    [
        .. themeCodes.Select(code =>
        {
            var perInterval = new double[AnalyticsInterval.PerDay];
            foreach (var slot in slots.Where(s => s.ThemeCode == code))
            {
                var interval = Math.Clamp((int)(((slot.FromMinute + slot.ToMinute) / 2) / AnalyticsInterval.Minutes), 0, AnalyticsInterval.PerDay - 1);
                perInterval[interval] += slot.Count;
            }

            return new ThemeDemand(code, perInterval, service(code));
        }),
    ];
}
