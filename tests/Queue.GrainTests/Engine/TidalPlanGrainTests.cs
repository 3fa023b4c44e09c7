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
        const string hallId = "tidal-1";
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

        await tidal.ApplyAsync(today);

        // The switch is done when it is journaled (a snapshot may show it a moment before its write commits).
        var hall = cluster.Grains.GetGrain<IHallGrain>(hallId);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<HallEvent> events;
        while (!(events = await hall.GetEventsAsync(0, 100)).Any(e => e.Kind == HallEventKind.WindowProfileChanged && e.WindowNo == 2))
        {
            Assert.True(DateTime.UtcNow < deadline, "the tidal window was not switched");
            await Task.Delay(200);
        }

        var window = cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, 2));
        Assert.Equal(["BDC", "SW"], (await window.GetSnapshotAsync()).Profile.Themes.ToArray());
        Assert.Contains(events, e => e.Kind == HallEventKind.TidalPlanApplied);
    }
}
