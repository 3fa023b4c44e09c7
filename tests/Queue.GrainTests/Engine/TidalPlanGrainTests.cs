using Microsoft.Extensions.DependencyInjection;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Domain.Analytics;
using Queue.Domain;
using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.Engine;

[Collection(QueueClusterCollection.Name)]
public sealed class TidalPlanGrainTests(QueueClusterFixture cluster)
{
    [Fact]
    public async Task AnAppliedPlanMovesTheTidalWindowToTheBusyThemeWithinTheInterval()
    {
        var (tidal, today) = await HallWithBusyBdcAsync("tidal-1");

        await tidal.ApplyAsync(today);

        var events = await SwitchedAsync("tidal-1", HallEventKind.WindowProfileChanged, 1);
        var window = cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window("tidal-1", 2));
        Assert.Equal(["BDC", "SW"], (await window.GetSnapshotAsync()).Profile.Themes.ToArray());
        Assert.Contains(events, e => e.Kind == HallEventKind.TidalPlanApplied);
    }

    [Fact]
    public async Task UndoingTodaysPlanPutsTheTidalWindowBackOnItsConfiguredProfileAndKeepsTheAdviceUnapplied()
    {
        var (tidal, today) = await HallWithBusyBdcAsync("tidal-undo");
        await tidal.ApplyAsync(today);
        await SwitchedAsync("tidal-undo", HallEventKind.WindowProfileChanged, 1);

        var undone = await tidal.UndoAsync(today);

        var window = cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window("tidal-undo", 2));
        Assert.Null(undone.AppliedAt);
        Assert.Equal(WindowProfileKind.Ordered, (await window.GetSnapshotAsync()).Profile.Kind);
        Assert.Equal(["SW", "BDC"], (await window.GetSnapshotAsync()).Profile.Themes.ToArray());
        Assert.Null((await tidal.GetAsync(today))!.AppliedAt);
        var events = await SwitchedAsync("tidal-undo", HallEventKind.WindowProfileChanged, 2);
        Assert.Single(events, e => e.Kind == HallEventKind.TidalPlanUndone);

        var again = await Assert.ThrowsAsync<QueueRuleException>(() => tidal.UndoAsync(today));
        Assert.Equal("advice-not-applied", again.Code);
    }

    /// <summary>A hall whose window 2 is tidal (SW, then BDC) beside a BDC window, with eight weeks of BDC in this half hour; today's advice computed.</summary>
    private async Task<(ITidalPlanGrain Tidal, DateOnly Today)> HallWithBusyBdcAsync(string hallId)
    {
        var config = TestHalls.Small(hallId, ["BDC", "SW"], WindowProfile.Dedicated("BDC"), new WindowProfile(WindowProfileKind.Ordered, ["SW", "BDC"]));
        config = config with { Windows = [config.Windows[0], config.Windows[1] with { Tidal = true }] };
        await cluster.Grains.GetGrain<IHallGrain>(hallId).ConfigureAsync(config);
        var now = cluster.Clock.GetUtcNow();
        var today = BusinessClock.Day(now, config.TimeZone);
        var interval = AnalyticsInterval.Of(BusinessClock.LocalTime(now, config.TimeZone));

        // Eight weeks of history: six BDC tickets in this very half hour on this weekday, nothing for SW.
        var history = new List<HallEvent>();
        for (var week = 1; week <= 8; week++)
        {
            for (var i = 0; i < 6; i++)
            {
                history.Add(new HallEvent(hallId, history.Count + 1, now.AddDays(-7 * week).AddMinutes(i), HallEventKind.TicketIssued,
                    ThemeCode: "BDC", DisplayNumber: $"A{i:000}", Channel: IssueChannel.Kiosk, Priority: PriorityClass.Normal));
            }
        }

        await cluster.SiloServices.GetRequiredService<ITimeSeriesStore>().WriteAsync(history, TimeSeriesSource.Synthetic);
        var tidal = cluster.Grains.GetGrain<ITidalPlanGrain>(hallId);
        var advice = await tidal.ComputeAsync(today);
        Assert.Equal("BDC", advice.ThemeOf(2, interval));
        return (tidal, today);
    }

    /// <summary>The hall's journal once it holds <paramref name="count"/> events of <paramref name="kind"/> for window 2 (a snapshot may show a switch a moment before its write commits).</summary>
    private async Task<IReadOnlyList<HallEvent>> SwitchedAsync(string hallId, HallEventKind kind, int count)
    {
        var hall = cluster.Grains.GetGrain<IHallGrain>(hallId);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<HallEvent> events;
        while ((events = await hall.GetEventsAsync(0, 100)).Count(e => e.Kind == kind && e.WindowNo == 2) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"window 2 has no {count} {kind} events");
            await Task.Delay(200);
        }

        return events;
    }
}
