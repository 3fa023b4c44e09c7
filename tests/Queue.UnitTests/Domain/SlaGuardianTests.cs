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

    private static ThemeQueueSnapshot Theme(string code, int waiting, double longest, double capacity) =>
        new(code, waiting, 0, 0, waiting, 0, longest, null, 10, capacity, 30);
}
