using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;
using Queue.Simulation;

namespace Queue.UnitTests.Simulation;

/// <summary>
/// The staffing search (<see cref="StaffingSearch"/>): it starts from the tidal advice's Erlang C windows and adjusts them
/// by simulating the hall's real windows. Figures for the demo hall are in docs/simulation.md.
/// </summary>
public sealed class StaffingSearchTests
{
    private static readonly StaffingSearchOptions Quick = new(Replications: 3, Seed: 11);

    [Fact]
    public void OnAPooledHallTheSearchMeetsTheGoalWhereErlangCAloneReportsAShortfall()
    {
        // Four themes of about one busy window each, six comprehensive windows: Erlang C staffs each theme alone (two or
        // three windows each) and, counting no comprehensive window, reports a shortfall in every interval.
        var scenario = Hall(comprehensive: 6, tidal: 0, perHour: 6);
        var advice = HallDaySimulator.TidalPlan(scenario);

        var check = StaffingSearch.Run(scenario, advice, Quick).Check;

        Assert.True(advice.Shortfall > 0, $"Erlang C shortfall {advice.Shortfall}");
        Assert.All(check.Intervals, i => Assert.True(i.ErlangC > 6, $"{i.Interval}: Erlang C {i.ErlangC}"));
        Assert.True(check.MeetsGoal, string.Join(", ", check.Intervals.Select(i => $"{i.Interval}: {i.Simulated} → {i.ShareWithinTarget:P1}")));
        Assert.Equal(0, check.Shortfall);
        Assert.All(check.Intervals, i => Assert.True(i.ShareWithinTarget >= check.Goal && i.Shortfall == 0));
        Assert.True(check.WindowHours < check.ErlangWindowHours);
    }

    [Fact]
    public void TheDemoDayMeetsTheGoalWithFewerWindowHoursThanErlangCAsksFor()
    {
        var day = DemoDay.Scenario(1);
        var advice = HallDaySimulator.TidalPlan(day);

        var check = StaffingSearch.Run(day, advice, Quick).Check;

        Assert.True(advice.Shortfall > 0, $"Erlang C shortfall {advice.Shortfall}");
        Assert.True(check.MeetsGoal);
        Assert.Equal(0, check.Shortfall);
        Assert.True(check.WindowHours < check.Intervals.Sum(i => Math.Min(i.ErlangC, 20)) / 2.0, $"{check.WindowHours} window-hours");
        Assert.True(check.ShareWithinTarget >= 0.95, $"{check.ShareWithinTarget:P1}");
    }

    [Fact]
    public void WindowsAreAddedWhereErlangCsFigureMissesTheGoal()
    {
        // One theme of 40-minute services against a 30-minute target, about five windows busy: Erlang C's 80% service level
        // leaves one citizen in six waiting longer; 95% needs more windows than it gives.
        var theme = new ThemeConfig("T", "事项", "Theme", "A", "z", 30, 40);
        var hall = new HallConfig("long", "长办理大厅", "Long services", HallConfig.DefaultTimeZone, new TimeOnly(8, 30), new TimeOnly(17, 0),
            [new ZoneConfig("z", "综合区", "Main")], [theme], [.. Enumerable.Range(1, 12).Select(n => new WindowConfig(n, "z", WindowProfile.Dedicated("T")))],
            RoutingPolicy.Default);
        var scenario = new HallDayScenario(hall, new DateOnly(2026, 12, 8), [ThemeDemand.Flat("T", 7.5, ServiceTimeModel.Exponential(40))]);
        var advice = HallDaySimulator.TidalPlan(scenario);

        var check = StaffingSearch.Run(scenario, advice, Quick).Check;

        Assert.Equal(0, advice.Shortfall);
        Assert.Contains(check.Intervals, i => i.Simulated > i.ErlangC);
        Assert.True(check.MeetsGoal, string.Join(", ", check.Intervals.Select(i => $"{i.Interval}: {i.Simulated} → {i.ShareWithinTarget:P1}")));
    }

    [Fact]
    public void WindowsAreRemovedWhereTheHallIsOverstaffed()
    {
        // Little demand, twelve windows: the goal holds with far fewer than Erlang C's, and never below the offered load.
        var scenario = Hall(comprehensive: 8, tidal: 4, perHour: 2);
        var advice = HallDaySimulator.TidalPlan(scenario);

        var result = StaffingSearch.Run(scenario, advice, Quick);

        Assert.True(result.Check.MeetsGoal);
        Assert.All(result.Check.Intervals, i => Assert.True(i.Simulated < Math.Min(i.ErlangC, 12), $"{i.Interval}: {i.Simulated} of Erlang C's {i.ErlangC}"));
        Assert.All(result.Check.Intervals, i => Assert.True(i.Simulated >= 1));
        Assert.All(result.OpenWindows, kv => Assert.Equal(result.Check.Intervals.Single(i => i.Interval == kv.Key).Simulated, kv.Value.Count));
    }

    [Fact]
    public void TheSameSeedGivesTheSameCheck()
    {
        var day = DemoDay.Scenario(1.25);
        var advice = HallDaySimulator.TidalPlan(day);

        var first = StaffingSearch.Run(day, advice, Quick).Check;
        var second = StaffingSearch.Run(day, advice, Quick).Check;

        Assert.Equal(first.Intervals.AsEnumerable(), second.Intervals.AsEnumerable());
        Assert.Equal((first.WindowHours, first.ShareWithinTarget, first.Shortfall, first.Iterations), (second.WindowHours, second.ShareWithinTarget, second.Shortfall, second.Iterations));
        Assert.Equal(11, first.Seed);
    }

    [Fact]
    public void AnOverloadedDayNeverGetsMoreWindowsThanTheHallHasAndIsFlaggedWithItsShortfall()
    {
        var day = DemoDay.Scenario(2.2);
        var advice = HallDaySimulator.TidalPlan(day);

        var result = StaffingSearch.Run(day, advice, Quick with { MaxIterations = 8 });

        Assert.All(result.Check.Intervals, i => Assert.InRange(i.Simulated, 1, 20));
        Assert.All(result.OpenWindows.Values, open => Assert.Equal(open.Count, open.Distinct().Count()));
        Assert.All(result.OpenWindows.Values.SelectMany(o => o), no => Assert.InRange(no, 1, 20));
        Assert.False(result.Check.MeetsGoal);
        Assert.True(result.Check.Shortfall > 0);
        Assert.All(result.Check.Intervals.Where(i => i.Shortfall > 0), i => Assert.Equal(20, i.Simulated));
        Assert.True(result.Check.Iterations <= 8);
    }

    [Fact]
    public void ThePlanOpensTidalWindowsWithTheAdvisedThemeFirstAndFixedWindowsWithTheirOwnProfile()
    {
        var day = DemoDay.Scenario(1);
        var advice = HallDaySimulator.TidalPlan(day);
        foreach (var interval in advice.Intervals)
        {
            var order = StaffingOrder.For(day.Hall, day, advice, interval);

            Assert.Equal(20, order.Windows.Select(w => w.Window.WindowNo).Distinct().Count());
            foreach (var (window, profile) in order.Windows)
            {
                var expected = window.Tidal ? TidalAdvisor.ProfileFor(window, advice.ThemeOf(window.WindowNo, interval), day.Hall.ThemeCodes) : window.Profile;
                Assert.Equal(expected.Kind, profile.Kind);
                Assert.Equal(expected.Themes.AsEnumerable(), profile.Themes.AsEnumerable());
            }
        }
    }

    /// <summary>Four themes (10 minutes each, 30-minute target), 08:30–17:00, flat demand; comprehensive windows, some tidal (ordered over two themes).</summary>
    private static HallDayScenario Hall(int comprehensive, int tidal, double perHour)
    {
        string[] codes = ["A", "B", "C", "D"];
        var themes = codes.Select((c, i) => new ThemeConfig(c, $"事项{c}", $"Theme {c}", ((char)('A' + i)).ToString(), "z", 30, 10)).ToList();
        var windows = Enumerable.Range(1, comprehensive).Select(n => new WindowConfig(n, "z", WindowProfile.Comprehensive))
            .Concat(Enumerable.Range(0, tidal).Select(k => new WindowConfig(comprehensive + k + 1, "z",
                new WindowProfile(WindowProfileKind.Ordered, [codes[k % 4], codes[(k + 1) % 4]]), Tidal: true)))
            .ToList();
        var hall = new HallConfig("pool", "共享大厅", "Pooled hall", HallConfig.DefaultTimeZone, new TimeOnly(8, 30), new TimeOnly(17, 0),
            [new ZoneConfig("z", "综合区", "Main")], [.. themes], [.. windows], RoutingPolicy.Default);
        var demand = codes.Select(c =>
        {
            var perInterval = new double[AnalyticsInterval.PerDay];
            for (var i = AnalyticsInterval.Of(hall.Opens); i < AnalyticsInterval.Of(hall.Closes); i++)
            {
                perInterval[i] = perHour / 2;
            }

            return new ThemeDemand(c, perInterval, ServiceTimeModel.Lognormal(10, 0.8));
        }).ToList();
        return new HallDayScenario(hall, new DateOnly(2026, 12, 8), demand);
    }
}
