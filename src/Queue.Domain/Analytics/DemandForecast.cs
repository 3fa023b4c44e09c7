using Queue.Contracts.Config;

namespace Queue.Domain.Analytics;

/// <summary>
/// Forecasts arrivals λ per theme and 30-minute interval for a date from the same weekday in recent weeks, and the
/// handle time to expect.
/// <list type="bullet">
/// <item>λ(theme, interval) = Σₖ wₖ·countₖ / Σₖ wₖ over the weeks k = 1…<see cref="ForecastOptions.Weeks"/> back whose
/// date is observed, wₖ = decay^(k−1). A date is observed when the history holds any count for it (any theme, zeros
/// included); on an observed date a missing (theme, interval) counts as 0. Unobserved dates (holidays, before the
/// history starts) drop out of the weighted mean instead of dragging it to zero.</item>
/// <item>Handle time(theme, interval) = the mean of the theme's service samples that started in that interval during
/// the look-back (all weekdays) when there are at least <see cref="ForecastOptions.MinServiceSamples"/>; otherwise
/// the theme's mean over all intervals when it has that many; otherwise the theme's expected service minutes.</item>
/// </list>
/// Pure: no clock and no I/O; the caller passes the history.
/// </summary>
public static class DemandForecast
{
    public static DemandForecastResult Forecast(
        IReadOnlyList<ThemeConfig> themes,
        IEnumerable<ArrivalCount> arrivals,
        IEnumerable<ServiceSample> services,
        DateOnly date,
        ForecastOptions? options = null)
    {
        options ??= ForecastOptions.Default;
        var weights = WeekWeights(options);
        var earliest = date.AddDays(-7 * options.Weeks);

        var counts = new Dictionary<(string Theme, int Interval), double>();
        var observed = new HashSet<DateOnly>();
        foreach (var arrival in arrivals)
        {
            var daysBack = date.DayNumber - arrival.Date.DayNumber;
            if (arrival.Date < earliest || daysBack <= 0 || daysBack % 7 != 0)
            {
                continue;
            }

            observed.Add(arrival.Date);
            var key = (arrival.Theme, arrival.IntervalIndex);
            counts[key] = counts.GetValueOrDefault(key) + (weights[(daysBack / 7) - 1] * arrival.Count);
        }

        var weightSum = observed.Sum(d => weights[((date.DayNumber - d.DayNumber) / 7) - 1]);

        var byInterval = new Dictionary<(string Theme, int Interval), (double Sum, int Count)>();
        var byTheme = new Dictionary<string, (double Sum, int Count)>();
        foreach (var sample in services.Where(s => s.Date >= earliest && s.Date < date))
        {
            var key = (sample.Theme, sample.IntervalIndex);
            var cell = byInterval.GetValueOrDefault(key);
            byInterval[key] = (cell.Sum + sample.Minutes, cell.Count + 1);
            var total = byTheme.GetValueOrDefault(sample.Theme);
            byTheme[sample.Theme] = (total.Sum + sample.Minutes, total.Count + 1);
        }

        var demands = new List<IntervalDemand>(themes.Count * AnalyticsInterval.PerDay);
        foreach (var theme in themes)
        {
            var themeTotal = byTheme.GetValueOrDefault(theme.Code);
            for (var interval = 0; interval < AnalyticsInterval.PerDay; interval++)
            {
                var lambda = weightSum > 0 ? counts.GetValueOrDefault((theme.Code, interval)) / weightSum : 0;
                var cell = byInterval.GetValueOrDefault((theme.Code, interval));
                var (handle, source) =
                    cell.Count >= options.MinServiceSamples ? (cell.Sum / cell.Count, HandleTimeSource.Interval)
                    : themeTotal.Count >= options.MinServiceSamples ? (themeTotal.Sum / themeTotal.Count, HandleTimeSource.Theme)
                    : (theme.ExpectedServiceMinutes, HandleTimeSource.Expected);
                demands.Add(new IntervalDemand(theme.Code, interval, lambda, handle, source));
            }
        }

        return new DemandForecastResult(date, observed.Count, demands);
    }

    /// <summary>The weight of the week k back at index k − 1: 1, decay, decay², ….</summary>
    public static IReadOnlyList<double> WeekWeights(ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Weeks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinServiceSamples, 1);
        if (options.Decay is <= 0 or > 1 || double.IsNaN(options.Decay))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Decay, "The weekly decay is in (0, 1].");
        }

        return [.. Enumerable.Range(0, options.Weeks).Select(k => Math.Pow(options.Decay, k))];
    }
}
