using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

/// <summary>
/// The journal's line for a saved configuration (what changed, by item), and a manager's SLA move at a window: journaled
/// with who, undone back to the profile before it, and no longer undoable once anything else changed the profile.
/// </summary>
public sealed class ConfigChangesAndMovesTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero);

    private static readonly HallConfig Hall = new(
        "h", "政务服务中心", "Service centre", HallConfig.DefaultTimeZone, new TimeOnly(9, 0), new TimeOnly(17, 0),
        [new ZoneConfig("z", "一区", "Zone 1")],
        [new ThemeConfig("BDC", "不动产登记", "Real estate", "A", "z"), new ThemeConfig("SB", "社保", "Social security", "B", "z")],
        [new WindowConfig(1, "z", WindowProfile.Dedicated("BDC")), new WindowConfig(2, "z", WindowProfile.Comprehensive)],
        RoutingPolicy.Default);

    [Fact]
    public void TheSummaryNamesEachAddedRemovedAndChangedItemInBothLanguages()
    {
        var after = Hall with
        {
            Themes = [Hall.Themes[0] with { TargetMinutes = 20 }, new ThemeConfig("GJJ", "公积金", "Housing fund", "C", "z")],
            Windows = [Hall.Windows[0] with { Tidal = true }, Hall.Windows[1]],
        };

        Assert.Equal("主题 +GJJ -SB ~BDC；窗口 ~1 / themes +GJJ -SB ~BDC; windows ~1", ConfigChanges.Summarize(Hall, after));
        Assert.Equal("无变化 / no change", ConfigChanges.Summarize(Hall, Hall with { Windows = [.. Hall.Windows] }));
        Assert.Equal("大厅 ~；叫号策略 ~ / hall ~; policy ~", ConfigChanges.Summarize(Hall, Hall with { NameEn = "Centre", Policy = new RoutingPolicy(NearTurnReminder: 5) }));
    }

    [Fact]
    public void AMoveIsJournaledWithWhoAndUndoneToTheProfileBeforeIt()
    {
        var state = new WindowDeskState();
        var desk = new WindowDesk(state, Hall, Hall.FindWindow(1)!);
        var moved = new WindowProfile(WindowProfileKind.Ordered, ["SB", "BDC"]);

        var applied = desk.SetProfile(moved, Morning, new ProfileMove("mgr-1", "应用SLA调窗 / SLA move applied"));
        Assert.Equal(("mgr-1", "应用SLA调窗 / SLA move applied", HallEventKind.WindowProfileChanged), (applied.Event!.ActorId, applied.Event.Summary, applied.Event.Kind));
        Assert.Equal(["BDC"], desk.Snapshot(Morning).UndoProfile!.Themes.ToArray());

        var undone = desk.UndoMove("mgr-2", Morning);
        Assert.Equal("mgr-2", undone.Event!.ActorId);
        Assert.Equal(["BDC"], desk.Profile.Themes.ToArray());
        Assert.Null(state.UndoProfile);
        Assert.Equal("nothing-to-undo", Assert.Throws<QueueRuleException>(() => desk.UndoMove("mgr-2", Morning)).Code);
    }

    [Fact]
    public void AnyOtherProfileChangeSupersedesTheMove()
    {
        var state = new WindowDeskState();
        var desk = new WindowDesk(state, Hall, Hall.FindWindow(1)!);
        desk.SetProfile(new WindowProfile(WindowProfileKind.Ordered, ["SB", "BDC"]), Morning, new ProfileMove("mgr-1", "move"));

        var byStaff = desk.SetProfile(WindowProfile.Dedicated("SB"), Morning);

        Assert.Null(byStaff.Event!.ActorId);
        Assert.Null(state.UndoProfile);
        Assert.Throws<QueueRuleException>(() => desk.UndoMove("mgr-1", Morning));
    }
}
