using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.GrainTests.Engine;

[Collection(QueueClusterCollection.Name)]
public sealed class SlaGuardianGrainTests(QueueClusterFixture cluster)
{
    [Fact]
    public async Task AGrowingLineRaisesAJournaledAlertWithAMoveAndResolvesWhenItShrinks()
    {
        const string hallId = "sla-1";
        var hall = cluster.Grains.GetGrain<IHallGrain>(hallId);
        await hall.ConfigureAsync(TestHalls.Small(hallId, ["BDC", "QYKB"], WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("QYKB")));
        await Window(hallId, 1).SignInAsync(new SignIn("s1", "张三"));
        await Window(hallId, 2).SignInAsync(new SignIn("s2", "李四"));
        for (var i = 0; i < 4; i++)
        {
            await cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, "BDC")).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        }

        var alert = await Eventually(async () => (await hall.GetAlertsAsync()).SingleOrDefault());
        Assert.Equal("BDC", alert.ThemeCode);
        Assert.Equal(SlaSeverity.Warning, alert.Severity);
        Assert.Equal(2, alert.SuggestedWindowNo);
        Assert.Equal("QYKB", alert.FromTheme);

        for (var i = 0; i < 4; i++)
        {
            await Window(hallId, 1).CallNextAsync();
            await Window(hallId, 1).StartServiceAsync();
            await Window(hallId, 1).CompleteAsync(new CompleteService(ServiceOutcome.Done, null));
        }

        // Done when the resolution is journaled (the alert list may show it a moment before its write commits).
        var events = await Eventually(async () =>
            await hall.GetEventsAsync(0, 500) is var all && all.Any(e => e.Kind == HallEventKind.SlaResolved) ? all : null);
        Assert.Empty(await hall.GetAlertsAsync());
        var raised = Assert.Single(events, e => e.Kind == HallEventKind.SlaAlert);
        Assert.Equal(alert.MessageZh, raised.Alert!.MessageZh);
        Assert.Single(events, e => e.Kind == HallEventKind.SlaResolved && e.ThemeCode == "BDC");
    }

    private IWindowGrain Window(string hall, int no) => cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hall, no));

    /// <summary>The guardian runs every second in tests: wait for its verdict, at most 15 s.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "the SLA guardian did not decide in time");
            await Task.Delay(200);
        }
    }
}
