using Queue.Contracts.Config;

namespace Queue.Domain.Analytics;

/// <summary>
/// Required windows per theme and interval: Erlang C on the forecast, each interval treated as a steady state.
/// Units: λ in arrivals per minute (the interval's forecast arrivals ÷ 30), handle time and target in minutes, so the
/// offered load A = λ·AHT is in Erlang (busy windows). The target is the theme's <see cref="ThemeConfig.TargetMinutes"/>
/// (30 minutes under "最多跑一次"); a theme missing from the list is held to 30 minutes.
/// </summary>
public static class StaffingRequirement
{
    public const int DefaultTargetMinutes = 30;

    public static IReadOnlyList<WindowRequirement> Compute(
        DemandForecastResult forecast, IReadOnlyList<ThemeConfig> themes, StaffingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        options ??= StaffingOptions.Default;
        var targets = themes.ToDictionary(t => t.Code, t => t.TargetMinutes);
        return [.. forecast.Intervals.Select(d => For(d, targets.GetValueOrDefault(d.Theme, DefaultTargetMinutes), options))];
    }

    public static WindowRequirement For(IntervalDemand demand, double targetMinutes, StaffingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(demand);
        options ??= StaffingOptions.Default;
        var load = ErlangC.OfferedLoad(demand.ArrivalsPerMinute, demand.HandleMinutes);
        var windows = ErlangC.MinimumWindows(
            demand.ArrivalsPerMinute, demand.HandleMinutes, targetMinutes, options.ServiceLevel, options.OccupancyCap);
        return new WindowRequirement(
            demand.Theme,
            demand.IntervalIndex,
            windows,
            load,
            ErlangC.ServiceLevel(windows, load, demand.HandleMinutes, targetMinutes),
            ErlangC.Occupancy(windows, load));
    }
}
