using System.Collections.Immutable;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

public sealed class SlaGuardianTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly Contracts.Config.HallConfig Hall = TestHalls.Small("h", ["BDC", "QYKB"],
        WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("QYKB"), WindowProfile.Dedicated("QYKB"));

    [Fact]
    public void ALineWithinItsTargetRaisesNoAlert()
    {
        var alerts = SlaGuardian.Evaluate(Hall, [Theme("BDC", waiting: 2, longest: 5, capacity: 1), Theme("QYKB", 0, 0, 2)], Windows(), Now);
        Assert.Empty(alerts);
    }

    [Fact]
    public void AProjectedBreachWarnsBeforeItHappensAndNamesAWindowToMove()
    {
        // 4 waiting × 10 min ÷ 1 window = 40 min projected, nobody past 30 yet; QYKB is idle with two windows.
        var alerts = SlaGuardian.Evaluate(Hall, [Theme("BDC", waiting: 4, longest: 12, capacity: 1), Theme("QYKB", 0, 0, 2)], Windows(), Now);
        var alert = Assert.Single(alerts);
        Assert.Equal(SlaSeverity.Warning, alert.Severity);
        Assert.Equal(40, alert.ProjectedWaitMinutes);
        Assert.Equal(2, alert.SuggestedWindowNo);
        Assert.Equal("QYKB", alert.FromTheme);
        Assert.Equal("BDC事项预计等候40分钟，将超过30分钟目标；建议把2号窗口从QYKB事项调到BDC事项", alert.MessageZh);
        Assert.Contains("move window 2 from QYKB to BDC", alert.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAlertReadsTheForwardForecastWhenItIsFresh()
    {
        // 2 waiting on 1 window: the closed form says 20 min (no alert), the fresh forecast says 38 (30–50): a warning.
        var forecast = Forecast("BDC", Now.AddSeconds(-20));
        var bdc = Theme("BDC", waiting: 2, longest: 5, capacity: 1, forecast);
        var alert = Assert.Single(SlaGuardian.Evaluate(Hall, [bdc, Theme("QYKB", 0, 0, 2)], Windows(), Now, c => c == "BDC" ? forecast : null));

        Assert.Equal(SlaSeverity.Warning, alert.Severity);
        Assert.Equal(bdc.ProjectedWaitMinutes, alert.ProjectedWaitMinutes); // the board's figure, not a second estimate
        Assert.Equal(38, alert.ProjectedWaitMinutes);
        Assert.Equal((30.0, 50.0), (alert.ProjectedWaitLow!.Value, alert.ProjectedWaitHigh!.Value));
        Assert.StartsWith("BDC事项预计等候30–50分钟，将超过30分钟目标", alert.MessageZh, StringComparison.Ordinal);
        Assert.Contains("projected wait 30–50 min", alert.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void AStaleForecastIsIgnoredAndTheClosedFormDecides()
    {
        // The same forecast, two minutes old: the line's snapshot and the head of the line both fall back to the closed form.
        var forecast = Forecast("BDC", Now.AddMinutes(-2));
        var bdc = Theme("BDC", waiting: 2, longest: 5, capacity: 1, forecast);
        Assert.Equal(20, bdc.ProjectedWaitMinutes);
        Assert.Empty(SlaGuardian.Evaluate(Hall, [bdc, Theme("QYKB", 0, 0, 2)], Windows(), Now, _ => forecast));

        var busier = Theme("BDC", waiting: 4, longest: 5, capacity: 1, forecast);
        var alert = Assert.Single(SlaGuardian.Evaluate(Hall, [busier, Theme("QYKB", 0, 0, 2)], Windows(), Now, _ => forecast));
        Assert.Equal((40.0, 40.0, 40.0), (alert.ProjectedWaitMinutes, alert.ProjectedWaitLow!.Value, alert.ProjectedWaitHigh!.Value));
        Assert.StartsWith("BDC事项预计等候40分钟", alert.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeadOfTheLineIsJudgedByTheFreshForecastToo()
    {
        // Nobody projected past 27 min for a newcomer by the closed form (1 × 10 ÷ 1 = 10), the head has waited 20 min:
        // the closed form's half turn (5 min) keeps it at 25, under 27; the fresh forecast's place 0 (38 min) warns.
        var hall = Hall;
        var fresh = Forecast("BDC", Now.AddSeconds(-5));
        var bdc = Theme("BDC", waiting: 1, longest: 20, capacity: 1);
        Assert.Empty(SlaGuardian.Evaluate(hall, [bdc, Theme("QYKB", 0, 0, 2)], Windows(), Now));
        var alert = Assert.Single(SlaGuardian.Evaluate(hall, [bdc, Theme("QYKB", 0, 0, 2)], Windows(), Now, _ => fresh));
        Assert.Equal(SlaSeverity.Warning, alert.Severity);
    }

    [Fact]
    public void EachWindowIsPromisedToOneLineOnlyTheMostUrgentFirst()
    {
        var hall = TestHalls.Small("h", ["BDC", "SW", "QYKB"],
            WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("SW"), WindowProfile.Dedicated("QYKB"), WindowProfile.Dedicated("QYKB"));
        ImmutableArray<WindowSnapshot> windows =
            [Window(1, WindowProfile.Dedicated("BDC")), Window(2, WindowProfile.Dedicated("SW")), Window(3, WindowProfile.Dedicated("QYKB")), Window(4, WindowProfile.Dedicated("QYKB"))];
        var alerts = SlaGuardian.Evaluate(hall, [Theme("BDC", 4, 12, 1), Theme("SW", 5, 31, 1), Theme("QYKB", 0, 0, 2)], windows, Now);

        Assert.Equal(["BDC", "SW"], alerts.Select(a => a.ThemeCode));
        Assert.Equal(3, alerts.Single(a => a.ThemeCode == "SW").SuggestedWindowNo); // the breach is advised first
        Assert.Equal(4, alerts.Single(a => a.ThemeCode == "BDC").SuggestedWindowNo);
    }

    [Fact]
    public void SomeoneWaitingPastTheTargetIsABreach()
    {
        var alert = Assert.Single(SlaGuardian.Evaluate(Hall, [Theme("BDC", waiting: 1, longest: 31, capacity: 1), Theme("QYKB", 0, 0, 2)], Windows(), Now));
        Assert.Equal(SlaSeverity.Breach, alert.Severity);
        Assert.StartsWith("BDC事项已有群众等候31分钟", alert.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void AWindowIsNotTakenFromALineThatWouldThenBreachItself()
    {
        // QYKB has 2 waiting on 2 windows: losing one leaves 2 × 10 ÷ 1 = 20 min, 67% of its target; a donor may keep at most 60%.
        var alert = Assert.Single(SlaGuardian.Evaluate(Hall, [Theme("BDC", 4, 12, 1), Theme("QYKB", 2, 5, 2)], Windows(), Now), a => a.ThemeCode == "BDC");
        Assert.Null(alert.SuggestedWindowNo);
        Assert.Contains("暂无可调配窗口", alert.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void ALineWithNobodyServingItWarnsAtOnce()
    {
        var alert = Assert.Single(SlaGuardian.Evaluate(Hall, [Theme("BDC", waiting: 1, longest: 0, capacity: 0), Theme("QYKB", 0, 0, 2)], Windows(), Now));
        Assert.Equal(SlaSeverity.Warning, alert.Severity);
        Assert.Equal(-1, alert.ProjectedWaitMinutes);
        Assert.StartsWith("BDC事项有1人等候但无窗口受理", alert.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void AComprehensiveWindowIsNeverSuggestedForAThemeItAlreadyServes()
    {
        var hall = TestHalls.Small("h", ["BDC", "QYKB"], WindowProfile.Dedicated("BDC"), WindowProfile.Comprehensive);
        var windows = ImmutableArray.Create(Window(1, WindowProfile.Dedicated("BDC")), Window(2, WindowProfile.Comprehensive));
        var alert = Assert.Single(SlaGuardian.Evaluate(hall, [Theme("BDC", 5, 12, 1.5), Theme("QYKB", 0, 0, 0.5)], windows, Now));
        Assert.Null(alert.SuggestedWindowNo);
    }

    private static ImmutableArray<WindowSnapshot> Windows() =>
        [Window(1, WindowProfile.Dedicated("BDC")), Window(2, WindowProfile.Dedicated("QYKB")), Window(3, WindowProfile.Dedicated("QYKB"))];

    private static WindowSnapshot Window(int no, WindowProfile profile) =>
        new("h", no, "z", WindowState.Idle, "s", "员工", null, profile, null, 0, 0, Now, null, 1);

    // As a theme's line reads itself (ThemeLine.Stats): the newcomer's figure is the one estimate, WaitPrediction.Predict.
    private static ThemeQueueSnapshot Theme(string code, int waiting, double longest, double capacity, ThemeWaitForecast? forecast = null)
    {
        var newcomer = WaitPrediction.Predict(waiting, 10, capacity, forecast, Now);
        return new(code, waiting, 0, 0, waiting, 0, longest, newcomer?.Point, 10, capacity, 30, 0, newcomer?.Low, newcomer?.High);
    }

    // A forecast whose every place predicts 30–50 minutes (median 38), made at the given time.
    private static ThemeWaitForecast Forecast(string code, DateTimeOffset at) =>
        new(code, at, [.. Enumerable.Repeat(30.0, 6)], [.. Enumerable.Repeat(38.0, 6)], [.. Enumerable.Repeat(48.0, 6)], 20);
}
