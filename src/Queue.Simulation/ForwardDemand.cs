using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;

namespace Queue.Simulation;

/// <summary>
/// The demand a forward prediction expects for the rest of the day: per theme the arrivals an hour in each 30-minute
/// interval (from the day's forecast), and service times lognormal around the line's rolling mean service time with
/// coefficient of variation <see cref="ServiceCv"/> (an assumption: the demo's and the what-if's default).
/// </summary>
public static class ForwardDemand
{
    public const double ServiceCv = 0.8;

    public static IReadOnlyList<ThemeDemand> From(IReadOnlyList<LineState> lines, Func<string, int, double> arrivalsPerHour, double serviceCv = ServiceCv) =>
        [.. lines.Select(line => new ThemeDemand(
            line.ThemeCode,
            [.. Enumerable.Range(0, AnalyticsInterval.PerDay).Select(i => Math.Max(0, arrivalsPerHour(line.ThemeCode, i)) * AnalyticsInterval.Minutes / 60)],
            ServiceTimeModel.Lognormal(Math.Max(0.1, line.AverageServiceMinutes), serviceCv)))];
}
