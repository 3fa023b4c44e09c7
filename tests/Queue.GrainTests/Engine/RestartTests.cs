using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.GrainTests.Engine;

/// <summary>Stop every silo and start a new one on the same SQLite file: what was acknowledged is all there.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly QueueClusterFixture _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task WaitingOrderWindowStatesAndCurrentTicketsSurviveARestart()
    {
        const string hall = "restart";
        await _cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(
            TestHalls.Small(hall, ["BDC", "SW"], WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("BDC"), WindowProfile.Comprehensive));
        var issued = new List<TicketSnapshot>();
        for (var i = 0; i < 6; i++)
        {
            _cluster.Clock.Advance(TimeSpan.FromSeconds(30));
            issued.Add(await Theme(hall, i == 4 ? "SW" : "BDC").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, $"r{i}")));
        }

        await Window(hall, 1).SignInAsync(new SignIn("s1", "张三"));
        await Window(hall, 1).CallNextAsync();
        await Window(hall, 1).StartServiceAsync();
        await Window(hall, 2).SignInAsync(new SignIn("s2", "李四"));
        await Window(hall, 2).CallNextAsync();
        await Window(hall, 3).SignInAsync(new SignIn("s3", "王五"));
        await Window(hall, 3).PauseAsync("午休");
        var before = await _cluster.Grains.GetGrain<IHallGrain>(hall).GetSnapshotAsync();
        var journalBefore = await _cluster.Grains.GetGrain<IHallGrain>(hall).GetEventsAsync(0, 1000);

        await _cluster.RestartAsync();

        var after = await _cluster.Grains.GetGrain<IHallGrain>(hall).GetSnapshotAsync();
        // The journal as acknowledged is all there, in order. Only the SLA guardian may have added to it since
        // (SW has a ticket waiting and its only window is paused: a "nobody serving" alert, at any tick).
        var journalAfter = await _cluster.Grains.GetGrain<IHallGrain>(hall).GetEventsAsync(0, 1000);
        Assert.Equal(journalBefore.Select(e => (e.Sequence, e.Kind, e.TicketId)), journalAfter.Take(journalBefore.Count).Select(e => (e.Sequence, e.Kind, e.TicketId)));
        Assert.All(journalAfter.Skip(journalBefore.Count), e => Assert.Contains(e.Kind, new[] { HallEventKind.SlaAlert, HallEventKind.SlaResolved }));
        Assert.True(after.Sequence >= before.Sequence);
        Assert.Equal(
            before.Windows.Select(w => (w.WindowNo, w.State, w.StaffId, w.Current?.DisplayNumber, w.PauseReason)),
            after.Windows.Select(w => (w.WindowNo, w.State, w.StaffId, w.Current?.DisplayNumber, w.PauseReason)));
        Assert.Equal(before.Themes.Select(t => (t.ThemeCode, t.Waiting, t.InService)), after.Themes.Select(t => (t.ThemeCode, t.Waiting, t.InService)));
        Assert.Equal("A001", after.Windows.Single(w => w.WindowNo == 1).Current!.DisplayNumber);
        Assert.Equal(WindowState.Serving, after.Windows.Single(w => w.WindowNo == 1).State);
        Assert.Equal("A002", after.Windows.Single(w => w.WindowNo == 2).Current!.DisplayNumber);

        // The waiting order is intact: the next BDC calls are A003, A004, A005 (B001 is SW's).
        await Window(hall, 1).CompleteAsync(new CompleteService(ServiceOutcome.Done, null));
        var calls = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            calls.Add((await Window(hall, 1).CallNextAsync()).Current!.DisplayNumber);
            await Window(hall, 1).StartServiceAsync();
            await Window(hall, 1).CompleteAsync(new CompleteService(ServiceOutcome.Done, null));
        }

        Assert.Equal(["A003", "A004", "A005"], calls);

        // Numbering and idempotency continue from the stored state.
        var again = await Theme(hall, "BDC").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "r0"));
        Assert.Equal(issued[0].TicketId, again.TicketId);
        Assert.Equal("A006", (await Theme(hall, "BDC").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, "r-new"))).DisplayNumber);
        var events = await _cluster.Grains.GetGrain<IHallGrain>(hall).GetEventsAsync(0, 1000);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AWindowThatCrashedAfterItsThemeHandedItATicketTakesTheTicketBack()
    {
        const string hall = "crash-claim";
        await _cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(TestHalls.Small(hall, ["BDC"], WindowProfile.Dedicated("BDC")));
        var ticket = await Theme(hall, "BDC").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        await Window(hall, 1).SignInAsync(new SignIn("s1", "张三"));

        // The theme hands the ticket to window 1, and the silo dies before the window writes it down.
        var candidate = Assert.Single(await Theme(hall, "BDC").GetCandidatesAsync(1));
        Assert.NotNull(await Theme(hall, "BDC").ClaimAsync(candidate, 1));
        await _cluster.RestartAsync();

        var window = await Window(hall, 1).RecallAsync();
        Assert.Equal(WindowState.Calling, window.State);
        Assert.Equal(ticket.TicketId, window.Current!.TicketId);
    }

    [Fact]
    public async Task ATransferredTicketIsStillLiveForItsCitizenAfterARestart()
    {
        const string hall = "restart-moved";
        await _cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(
            TestHalls.Small(hall, ["QYKB", "SW"], WindowProfile.Dedicated("QYKB"), WindowProfile.Dedicated("SW")));
        var ticket = await Theme(hall, "QYKB").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        await Window(hall, 1).SignInAsync(new SignIn("s1", "张三"));
        await Window(hall, 1).CallNextAsync();
        await Window(hall, 1).TransferAsync(new TransferTicket("SW", null, "需先办税"));

        // The first theme forgets the tickets it handed on when it restarts; the ticket must still be found where it went.
        await _cluster.RestartAsync();
        var moved = await _cluster.Grains.GetGrain<ITicketGrain>(ticket.TicketId).GetAsync();
        var cancelled = await _cluster.Grains.GetGrain<ITicketGrain>(ticket.TicketId).CancelAsync();

        Assert.Equal(("SW", TicketStatus.Waiting, 0), (moved.ThemeCode, moved.Status, moved.PeopleAhead));
        Assert.Equal(TicketStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task ATransferInterruptedBetweenTheTwoThemesIsDeliveredAfterARestart()
    {
        const string hall = "crash-transfer";
        await _cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(
            TestHalls.Small(hall, ["QYKB", "SW"], WindowProfile.Dedicated("QYKB"), WindowProfile.Dedicated("SW")));
        var ticket = await Theme(hall, "QYKB").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        await Window(hall, 1).SignInAsync(new SignIn("s1", "张三"));
        await Window(hall, 1).CallNextAsync();

        // The first theme lets the ticket go, and the silo dies before the second theme receives it.
        await Theme(hall, "QYKB").TransferOutAsync(ticket.TicketId, 1, "SW", null, "需先办税");
        await _cluster.RestartAsync();

        var swWindow = Window(hall, 2);
        await swWindow.SignInAsync(new SignIn("s2", "李四"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        WindowSnapshot called;
        do
        {
            // Looking the ticket up activates the first theme, whose retry timer delivers it a second later.
            _ = await _cluster.Grains.GetGrain<ITicketGrain>(ticket.TicketId).GetAsync();
            await Task.Delay(500);
            called = await swWindow.CallNextAsync();
        }
        while (called.Current is null && DateTime.UtcNow < deadline);

        Assert.Equal(ticket.TicketId, called.Current?.TicketId);
        var found = await _cluster.Grains.GetGrain<ITicketGrain>(ticket.TicketId).GetAsync();
        Assert.Equal("SW", found.ThemeCode);
        Assert.Equal(ticket.IssuedAt, found.IssuedAt);
        Assert.Equal("A001", found.DisplayNumber);
    }

    private IThemeQueueGrain Theme(string hall, string code) => _cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall, code));

    private IWindowGrain Window(string hall, int no) => _cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hall, no));
}
