using System.Collections.Immutable;
using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain;

namespace Queue.UnitTests.Domain;

/// <summary>The one wait estimate on the demo hall's situations (src/Queue.Domain/DemoHall.json).</summary>
public sealed class WaitPredictionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly HallConfig Demo = DemoHall.Load();

    [Fact]
    public void AThemeServedOnlyByComprehensiveWindowsWaitsTensOfMinutesWhenTheOtherLinesAreShort()
    {
        // GJJ's own windows (16 专窗, 18 ordered) are closed; 12 wait for 公积金 (10 min each); SBYB 2, BDC 1, HJ 1 wait.
        var loads = Loads(("GJJ", 12), ("SBYB", 2), ("BDC", 1), ("HJ", 1));
        var capacity = WaitPrediction.Capacity(Windows(except: [16, 18]), loads)["GJJ"];

        // Each of the 3 comprehensive windows gives GJJ 120 ÷ (120 + 16 + 15 + 10) of itself: 2.24 windows, not 3 × 1/8.
        Assert.Equal(3 * 120.0 / 161, capacity, 6);
        Assert.Equal(53.7, WaitPrediction.Minutes(12, 10, capacity));
    }

    [Fact]
    public void ALineNoOpenWindowServesGetsNoNumber()
    {
        var capacity = WaitPrediction.Capacity(Windows(except: [12, 13, 14, 16, 18]), Loads(("GJJ", 5)))["GJJ"];

        Assert.Equal(0, capacity);
        Assert.Null(WaitPrediction.Minutes(5, 10, capacity));
    }

    [Fact]
    public void DedicatedWindowsGiveTheirThemePeopleTimesMeanOverWindows()
    {
        // BDC: 专窗 1-4 open; the ordered windows 5 and 6 and the comprehensive 12-14 closed: 8 × 15 ÷ 4 = 30 minutes.
        var capacity = WaitPrediction.Capacity(Windows(except: [5, 6, 12, 13, 14]), Loads(("BDC", 8)))["BDC"];

        Assert.Equal(4, capacity);
        Assert.Equal(30, WaitPrediction.Minutes(8, 15, capacity));
    }

    [Fact]
    public void AnOrderedWindowGivesItselfToItsFirstThemeWithPeopleWaiting()
    {
        var window18 = Window(Demo.FindWindow(18)!);

        var sbybBusy = Loads(("SBYB", 3), ("GJJ", 3));
        Assert.Equal(1, WaitPrediction.Share(window18, "SBYB", sbybBusy));
        Assert.Equal(30.0 / (30 + 24), WaitPrediction.Share(window18, "GJJ", sbybBusy), 6); // behind SBYB: its share of the work

        var sbybEmpty = Loads(("GJJ", 3));
        Assert.Equal(1, WaitPrediction.Share(window18, "GJJ", sbybEmpty));
        Assert.Equal(1, WaitPrediction.Share(window18, "SBYB", sbybEmpty)); // a newcomer to SBYB would be called first
    }

    [Fact]
    public void AnEmptyLineServedOnlyByComprehensiveWindowsStillHasAWindowServingIt()
    {
        var capacity = WaitPrediction.Capacity(Windows(except: [16, 18]), Loads(("SBYB", 20)))["GJJ"];

        Assert.True(capacity > 0);
        Assert.Equal(0, WaitPrediction.Minutes(0, 10, capacity));
    }

    [Fact]
    public void AClosedOrPausedWindowGivesNothing()
    {
        var paused = Window(Demo.FindWindow(16)!) with { State = WindowState.Paused };

        Assert.Equal(0, WaitPrediction.Share(paused, "GJJ", Loads(("GJJ", 4))));
    }

    private static IReadOnlyList<ThemeLoad> Loads(params (string Code, int Waiting)[] waiting) =>
        [.. Demo.Themes.Select(t => new ThemeLoad(t.Code, waiting.FirstOrDefault(w => w.Code == t.Code).Waiting, t.ExpectedServiceMinutes))];

    private static ImmutableArray<WindowSnapshot> Windows(int[] except) =>
        [.. Demo.Windows.Select(w => except.Contains(w.WindowNo) ? Window(w) with { State = WindowState.Closed } : Window(w))];

    private static WindowSnapshot Window(WindowConfig config) =>
        new(Demo.HallId, config.WindowNo, config.ZoneId, WindowState.Idle, "s", "员工", null, config.Profile, null, 0, 0, Now, null, 1);
}
