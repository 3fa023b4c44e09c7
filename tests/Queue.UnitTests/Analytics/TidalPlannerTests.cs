using Queue.Domain.Analytics;

namespace Queue.UnitTests.Analytics;

public sealed class TidalPlannerTests
{
    private const int HalfPastEight = 17;
    private const int Nine = 18;

    [Fact]
    public void AThemeWhoseDemandDoublesAtNineGetsItsExtraWindowsAtNineNotBefore()
    {
        var required = Demand(("BDC", [2, 4, 4, 4]), ("SW", [2, 2, 2, 2]));

        var plan = TidalPlanner.Plan(required, Dedicated(("BDC", 2), ("SW", 2)), [Flexible(7, "BDC", "SW"), Flexible(8, "SW", "BDC")]);

        Assert.Equal([HalfPastEight, Nine, 19, 20], plan.Intervals);
        Assert.Equal([null, "BDC", "BDC", "BDC"], plan.Windows[0].Themes);
        Assert.Equal([null, "BDC", "BDC", "BDC"], plan.Windows[1].Themes);
        Assert.Equal(new ThemeCoverage("BDC", HalfPastEight, 2, 2, 0), plan.Find("BDC", HalfPastEight));
        Assert.Equal(new ThemeCoverage("BDC", Nine, 4, 2, 2), plan.Find("BDC", Nine));
        Assert.Equal(4, plan.Find("BDC", Nine)!.Scheduled);
        Assert.Equal(0, plan.TotalShortfall);
        Assert.Equal(0, plan.Switches);
    }

    [Fact]
    public void FlexibleWindowsAreNotSwitchedWhenNothingChanges()
    {
        var required = Demand(("BDC", [3, 3, 3, 3, 3, 3]), ("SW", [2, 2, 2, 2, 2, 2]), ("GJJ", [1, 1, 1, 1, 1, 1]));
        var flexible = new[] { Flexible(5, "BDC", "SW", "GJJ"), Flexible(6, "BDC", "SW", "GJJ"), Flexible(9, "BDC", "SW", "GJJ") };

        var plan = TidalPlanner.Plan(required, Dedicated(("BDC", 2), ("SW", 1)), flexible);

        Assert.All(plan.Windows, w => Assert.Single(w.Themes.Distinct()));
        Assert.Equal(["BDC", "GJJ", "SW"], plan.Windows.Select(w => w.Themes[0]!).Order());
        Assert.Equal(0, plan.Switches);
        Assert.Equal(0, plan.TotalShortfall);
    }

    [Fact]
    public void WhenDemandMovesBetweenThemesTheOnlyWindowSwitchesOnceAtTheMoment()
    {
        // BDC needs one extra window until 10:00, then SW does.
        var required = Demand(("BDC", [3, 3, 3, 2, 2]), ("SW", [2, 2, 2, 3, 3]));

        var plan = TidalPlanner.Plan(required, Dedicated(("BDC", 2), ("SW", 2)), [Flexible(7, "BDC", "SW")]);

        Assert.Equal(["BDC", "BDC", "BDC", "SW", "SW"], plan.Windows[0].Themes);
        Assert.Equal(1, plan.Windows[0].Switches);
        Assert.Equal(1, plan.Switches);
        Assert.Equal(0, plan.TotalShortfall);
    }

    [Fact]
    public void WhenDemandMovesBetweenThemesAnUnusedWindowOpensRatherThanABusyOneSwitching()
    {
        var required = Demand(("BDC", [3, 3, 3, 2, 2]), ("SW", [2, 2, 2, 3, 3]));

        var plan = TidalPlanner.Plan(required, Dedicated(("BDC", 2), ("SW", 2)), [Flexible(7, "BDC", "SW"), Flexible(8, "BDC", "SW")]);

        Assert.Equal(["BDC", "BDC", "BDC", null, null], plan.Windows[0].Themes);
        Assert.Equal([null, null, null, "SW", "SW"], plan.Windows[1].Themes);
        Assert.Equal(0, plan.Switches);
        Assert.Equal(0, plan.TotalShortfall);
    }

    [Fact]
    public void AWindowReturningToItsLastThemeAfterASpareSpellDoesNotCountAsASwitch()
    {
        var required = Demand(("BDC", [3, 2, 3]));

        var plan = TidalPlanner.Plan(required, Dedicated(("BDC", 2)), [Flexible(7, "BDC", "SW")]);

        Assert.Equal(["BDC", null, "BDC"], plan.Windows[0].Themes);
        Assert.Equal(0, plan.Switches);
    }

    [Fact]
    public void ShortfallIsReportedWhenFlexibleWindowsAreNotEnough()
    {
        var required = Demand(("BDC", [5, 6]), ("SW", [1, 1]));

        var plan = TidalPlanner.Plan(required, Dedicated(("BDC", 2), ("SW", 1)), [Flexible(7, "BDC"), Flexible(8, "BDC", "SW")]);

        Assert.Equal(new ThemeCoverage("BDC", HalfPastEight, 5, 2, 2), plan.Find("BDC", HalfPastEight));
        Assert.Equal(1, plan.Find("BDC", HalfPastEight)!.Shortfall);
        Assert.Equal(2, plan.Find("BDC", Nine)!.Shortfall);
        Assert.Equal(3, plan.ShortfallOf("BDC"));
        Assert.Equal(0, plan.ShortfallOf("SW"));
        Assert.Equal(3, plan.TotalShortfall);
    }

    [Fact]
    public void EveryFlexibleWindowGoesWhereOnlyItCanHelpSoNoNeedIsLeftThatCouldBeMet()
    {
        // Window 7 can do both, window 8 only BDC: taking 7 for BDC first would leave SW short.
        var required = Demand(("BDC", [1]), ("SW", [1]));

        var plan = TidalPlanner.Plan(required, Dedicated(), [Flexible(7, "BDC", "SW"), Flexible(8, "BDC")]);

        Assert.Equal("SW", plan.ThemeOf(7, HalfPastEight));
        Assert.Equal("BDC", plan.ThemeOf(8, HalfPastEight));
        Assert.Equal(0, plan.TotalShortfall);
    }

    [Fact]
    public void TheLeastVersatileWindowIsUsedFirstSoTheVersatileOneNeedNotSwitchLater()
    {
        var required = Demand(("BDC", [1, 1]), ("SW", [0, 1]));

        var plan = TidalPlanner.Plan(required, Dedicated(), [Flexible(7, "BDC", "SW"), Flexible(8, "BDC")]);

        Assert.Equal([null, "SW"], plan.Windows[0].Themes);
        Assert.Equal(["BDC", "BDC"], plan.Windows[1].Themes);
        Assert.Equal(0, plan.Switches);
    }

    [Fact]
    public void ThePlanIsTheSameEveryTime()
    {
        var required = Demand(("BDC", [2, 4, 5, 3, 2, 4]), ("SW", [1, 3, 2, 4, 2, 1]), ("GJJ", [2, 2, 3, 1, 3, 2]));
        var flexible = new[] { Flexible(5, "BDC", "SW"), Flexible(6, "SW", "GJJ"), Flexible(9, "BDC", "SW", "GJJ"), Flexible(10, "GJJ") };

        var first = TidalPlanner.Plan(required, Dedicated(("BDC", 1), ("SW", 1), ("GJJ", 1)), flexible);
        var second = TidalPlanner.Plan(required, Dedicated(("BDC", 1), ("SW", 1), ("GJJ", 1)), flexible);

        Assert.Equal(first.Windows.Select(w => string.Join(",", w.Themes)), second.Windows.Select(w => string.Join(",", w.Themes)));
        Assert.Equal(first.Coverage, second.Coverage);
        Assert.Equal(first.Switches, second.Switches);
    }

    private static List<WindowRequirement> Demand(params (string Theme, int[] Windows)[] themes) =>
        [.. themes.SelectMany(t => t.Windows.Select((w, i) => new WindowRequirement(t.Theme, HalfPastEight + i, w)))];

    private static Dictionary<string, int> Dedicated(params (string Theme, int Windows)[] themes) =>
        themes.ToDictionary(t => t.Theme, t => t.Windows);

    private static FlexibleWindow Flexible(int windowNo, params string[] themes) => new(windowNo, themes);
}
