using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;
using Queue.Domain.Analytics;

namespace Queue.UnitTests.Analytics;

/// <summary>A tidal plan drawn in the what-if's grid in place of the computed one: checked, and counted as the planner counts.</summary>
public sealed class TidalCustomPlanTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly HallConfig Hall = TestHalls.Small("h", ["BDC", "SW"],
        WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("SW"), new WindowProfile(WindowProfileKind.Ordered, ["BDC", "SW"])) is var hall
        ? hall with { Windows = [hall.Windows[0], hall.Windows[1], hall.Windows[2] with { Tidal = true }] }
        : throw new InvalidOperationException();

    /// <summary>BDC needs a second window from 9:00 (the computed plan puts tidal window 3 on it), SW one all day.</summary>
    private static TidalAdvice Computed()
    {
        var history = Enumerable.Range(1, 8).SelectMany(week => Enumerable.Range(17, 17).SelectMany(interval => new[]
        {
            new ArrivalCount("BDC", Day.AddDays(-7 * week), interval, interval < 18 ? 1 : 3),
            new ArrivalCount("SW", Day.AddDays(-7 * week), interval, 1),
        })).ToList();
        return TidalAdvisor.Advise(Hall, history, [], Day, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void ADrawnPlanKeepsTheRequirementAndCountsWhatItSchedulesItsShortfallAndSwitches()
    {
        var computed = Computed() with { AppliedAt = Now };
        var cells = new[] { 18, 19, 20 }.Select(i => new TidalPlanCell(3, i, "SW")).Concat(Enumerable.Range(21, 13).Select(i => new TidalPlanCell(3, i, "BDC")));

        var drawn = TidalCustomPlan.Replace(Hall, computed, cells, Now);

        Assert.Equal(computed.Intervals.ToArray(), drawn.Intervals.ToArray());
        var window = Assert.Single(drawn.Windows);
        Assert.Equal<string?>([null, "SW", "SW", "SW", .. Enumerable.Repeat<string?>("BDC", 13)], window.Themes.AsEnumerable());
        Assert.Equal(1, window.Switches);
        Assert.Equal(1, drawn.Switches);
        var bdcAtNine = Assert.Single(drawn.Coverage, c => c.Theme == "BDC" && c.Interval == 18);
        Assert.Equal((2, 1), (bdcAtNine.Required, bdcAtNine.Scheduled));
        var swAtNine = Assert.Single(drawn.Coverage, c => c.Theme == "SW" && c.Interval == 18);
        Assert.Equal(2, swAtNine.Scheduled);
        Assert.Equal(3, drawn.Shortfall); // BDC one window short at 09:00, 09:30 and 10:00
        Assert.Equal(computed.Coverage.Select(c => c.Required), drawn.Coverage.Select(c => c.Required));
        Assert.Null(drawn.AppliedAt);
        Assert.Equal(Now, drawn.ComputedAt);
        Assert.Equal(0, computed.Shortfall);
    }

    [Fact]
    public void NoCellsPutEveryTidalWindowOnStandby()
    {
        var drawn = TidalCustomPlan.Replace(Hall, Computed(), [], Now);

        Assert.All(Assert.Single(drawn.Windows).Themes, Assert.Null);
        Assert.Equal(16, drawn.Shortfall); // BDC's second window, 09:00 to 16:30
        Assert.Equal(0, drawn.Switches);
    }

    [Theory]
    [InlineData(1, 20, "BDC", "window-not-tidal")]
    [InlineData(3, 20, "HJ", "invalid-plan-cell")]
    [InlineData(3, 16, "BDC", "invalid-plan-cell")]
    [InlineData(3, 34, "SW", "invalid-plan-cell")]
    [InlineData(9, 20, "BDC", "window-not-found")]
    public void ACellTheHallCannotFollowIsRefused(int windowNo, int interval, string theme, string code)
    {
        var refused = Assert.Throws<QueueRuleException>(() => TidalCustomPlan.Replace(Hall, Computed(), [new TidalPlanCell(windowNo, interval, theme)], Now));

        Assert.Equal(code, refused.Code);
    }
}
