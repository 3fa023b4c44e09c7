using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// A theme's demand for the day: expected arrivals in each 30-minute interval of the day (48 entries, index 17 is
/// 08:30–09:00, as <see cref="AnalyticsInterval"/> numbers them) and its service time.
/// </summary>
public sealed record ThemeDemand(string ThemeCode, IReadOnlyList<double> ArrivalsPerInterval, ServiceTimeModel Service)
{
    /// <summary>The same rate all day: <paramref name="perHour"/> arrivals an hour.</summary>
    public static ThemeDemand Flat(string themeCode, double perHour, ServiceTimeModel service) =>
        new(themeCode, [.. Enumerable.Repeat(perHour * AnalyticsInterval.Minutes / 60, AnalyticsInterval.PerDay)], service);

    /// <summary>
    /// The demand forecast for a day (<see cref="DemandForecast.Forecast"/>, the one the tidal advice plans from) as Poisson
    /// rates per theme × half hour; each theme's service from <paramref name="service"/> given the forecast's mean handle time.
    /// </summary>
    public static IReadOnlyList<ThemeDemand> FromForecast(DemandForecastResult forecast, Func<string, double, ServiceTimeModel> service) =>
    [
        .. forecast.Intervals.GroupBy(d => d.Theme).Select(g =>
        {
            var perInterval = new double[AnalyticsInterval.PerDay];
            foreach (var cell in g)
            {
                perInterval[cell.IntervalIndex] = cell.ArrivalsPerInterval;
            }

            var arrivals = perInterval.Sum();
            var handle = arrivals > 0 ? g.Sum(c => c.ArrivalsPerInterval * c.HandleMinutes) / arrivals : g.Average(c => c.HandleMinutes);
            return new ThemeDemand(g.Key, perInterval, service(g.Key, handle));
        }),
    ];

    /// <summary>Arrivals per minute in an interval.</summary>
    public double RatePerMinute(int interval) => ArrivalsPerInterval[interval] / AnalyticsInterval.Minutes;

    /// <summary>Offered load over the minutes [from, to): Σ arrivals × mean service, in window-minutes.</summary>
    public double OfferedWindowMinutes(double fromMinute, double toMinute)
    {
        var load = 0.0;
        for (var i = 0; i < AnalyticsInterval.PerDay; i++)
        {
            var start = i * (double)AnalyticsInterval.Minutes;
            var overlap = Math.Min(toMinute, start + AnalyticsInterval.Minutes) - Math.Max(fromMinute, start);
            load += overlap > 0 ? RatePerMinute(i) * overlap * Service.MeanMinutes : 0;
        }

        return load;
    }
}
