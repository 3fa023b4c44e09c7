using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Simulation;

namespace Queue.UnitTests.Simulation;

/// <summary>One theme, c identical dedicated windows, Poisson arrivals, exponential service, open 00:00–23:30: an M/M/c day.</summary>
internal static class StationaryHall
{
    public static HallDayScenario Scenario(double arrivalsPerMinute, double handleMinutes, int windows) => new(
        new HallConfig(
            "mmc", "稳态大厅", "Stationary hall", HallConfig.DefaultTimeZone, new TimeOnly(0, 0), new TimeOnly(23, 30),
            [new ZoneConfig("z", "综合区", "Main")],
            [new ThemeConfig("T", "事项", "Theme", "A", "z", 30, handleMinutes)],
            [.. Enumerable.Range(1, windows).Select(n => new WindowConfig(n, "z", WindowProfile.Dedicated("T")))],
            RoutingPolicy.Default),
        new DateOnly(2026, 12, 8),
        [ThemeDemand.Flat("T", arrivalsPerMinute * 60, ServiceTimeModel.Exponential(handleMinutes))])
    {
        Warmup = TimeSpan.FromHours(2),
        Cooldown = TimeSpan.FromHours(2),
    };
}
