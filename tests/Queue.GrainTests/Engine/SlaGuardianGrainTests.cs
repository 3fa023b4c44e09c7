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
        // Journaled once, with the advice; the list's figures (the predicted wait in the message) move without an event,
        // e.g. when the forward forecast comes in after the raise (SlaAlertBook).
        var raised = Assert.Single(events, e => e.Kind == HallEventKind.SlaAlert);
        Assert.Equal((alert.ThemeCode, alert.Severity, alert.SuggestedWindowNo, alert.FromTheme),
            (raised.Alert!.ThemeCode, raised.Alert.Severity, raised.Alert.SuggestedWindowNo, raised.Alert.FromTheme));
        Assert.Equal(Advice(alert.MessageZh), Advice(raised.Alert.MessageZh));
        Assert.StartsWith("BDC事项预计等候", raised.Alert.MessageZh, StringComparison.Ordinal);
        Assert.Single(events, e => e.Kind == HallEventKind.SlaResolved && e.ThemeCode == "BDC");
    }

    [Fact]
    public async Task AnAlertsPredictedWaitIsTheThemesPredictedWaitFromItsSnapshot()
    {
        // 公积金-like: the only window serving GJJ is comprehensive; 5 waiting make a newcomer's wait pass 27 of 30 minutes.
        const string hallId = "sla-one-estimate";
        var hall = cluster.Grains.GetGrain<IHallGrain>(hallId);
        await hall.ConfigureAsync(TestHalls.Small(hallId, ["GJJ", "QYKB"], WindowProfile.Comprehensive, WindowProfile.Dedicated("QYKB")));
        await Window(hallId, 1).SignInAsync(new SignIn("s1", "张三"));
        await Window(hallId, 2).SignInAsync(new SignIn("s2", "李四"));
        var gjj = cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hallId, "GJJ"));
        for (var i = 0; i < 5; i++)
        {
            await gjj.IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        }

        // The guardian and the forecast tick every second (the cluster's clock stands in opening hours): wait for the
        // alert once the forward forecast is in (a range, low < high; before it, both read the closed form), read
        // alongside the snapshot it must agree with.
        var (alert, line) = await Eventually(async () =>
        {
            var found = (await hall.GetAlertsAsync()).SingleOrDefault(a => a.ThemeCode == "GJJ");
            var stats = await gjj.GetStatsAsync();
            return found is not null && found.ProjectedWaitLow < found.ProjectedWaitHigh && found.ProjectedWaitMinutes == stats.ProjectedWaitMinutes
                && found.ProjectedWaitLow == stats.ProjectedWaitLow && found.ProjectedWaitHigh == stats.ProjectedWaitHigh
                ? Tuple.Create(found, stats) : null;
        });

        Assert.Equal(SlaSeverity.Warning, alert.Severity);
        Assert.NotNull(line.ProjectedWaitMinutes);
        Assert.True(line.ProjectedWaitMinutes >= 27, $"the newcomer's figure {line.ProjectedWaitMinutes} is what warned");
        Assert.Contains($"预计等候{line.ProjectedWaitLow:0}–{line.ProjectedWaitHigh:0}分钟", alert.MessageZh, StringComparison.Ordinal);
    }

    private static string Advice(string message) => message[message.IndexOf('；', StringComparison.Ordinal)..];

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
