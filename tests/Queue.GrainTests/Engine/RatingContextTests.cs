using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;

namespace Queue.GrainTests.Engine;

/// <summary>
/// A rating carries the ticket's wait (issue to first call), the window that served it and the staff signed in there.
/// Its own cluster, because it moves the clock.
/// </summary>
public sealed class RatingContextTests : IAsyncLifetime
{
    private readonly QueueClusterFixture _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task ARatingCarriesTheWaitToTheFirstCallTheWindowAndTheStaff()
    {
        const string hall = "rating-context";
        await _cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(
            TestHalls.Small(hall, ["BDC"], WindowProfile.Dedicated("BDC"), WindowProfile.Dedicated("BDC")));
        var ticket = await Theme(hall).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null, "key-1", "张*"));
        await Window(hall, 2).SignInAsync(new SignIn("wangwu", "王五"));
        _cluster.Clock.Advance(TimeSpan.FromMinutes(12));
        await Window(hall, 2).CallNextAsync();
        _cluster.Clock.Advance(TimeSpan.FromMinutes(3)); // a recall does not lengthen the wait
        await Window(hall, 2).RecallAsync();
        await Window(hall, 2).StartServiceAsync();
        _cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await Window(hall, 2).CompleteAsync(new CompleteService(ServiceOutcome.NotDone, "缺少身份证原件"));

        await _cluster.Grains.GetGrain<ITicketGrain>(ticket.TicketId).RateAsync(new RateService(1, "<b>等太久</b>"));

        var events = await _cluster.Grains.GetGrain<IHallGrain>(hall).GetEventsAsync(0, 100);
        var completed = Assert.Single(events, e => e.Kind == HallEventKind.ServiceCompleted);
        Assert.Equal("wangwu", completed.StaffId); // the 没办成 names its staff too
        var rated = Assert.Single(events, e => e.Kind == HallEventKind.TicketRated);
        Assert.Equal(12 * 60, rated.WaitSeconds);
        Assert.Equal(2, rated.WindowNo);
        Assert.Equal("wangwu", rated.StaffId);
        Assert.Equal("张*", rated.CitizenName);
        Assert.Equal("<b>等太久</b>", rated.Reason);
        Assert.Equal(1, rated.Rating);
    }

    [Fact]
    public async Task AWindowsStaffCannotBeNamedByTheCompletingCaller()
    {
        const string hall = "rating-staff";
        await _cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(TestHalls.Small(hall, ["BDC"], WindowProfile.Dedicated("BDC")));
        var ticket = await Theme(hall).IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        await Window(hall, 1).SignInAsync(new SignIn("lisi", "李四"));
        await Window(hall, 1).CallNextAsync();
        await Window(hall, 1).StartServiceAsync();
        await Window(hall, 1).CompleteAsync(new CompleteService(ServiceOutcome.Done, null, StaffId: "someone-else"));

        await _cluster.Grains.GetGrain<ITicketGrain>(ticket.TicketId).RateAsync(new RateService(5, null));

        var events = await _cluster.Grains.GetGrain<IHallGrain>(hall).GetEventsAsync(0, 100);
        var rated = Assert.Single(events, e => e.Kind == HallEventKind.TicketRated);
        Assert.Equal("lisi", rated.StaffId);
        Assert.Equal(0, rated.WaitSeconds);
        Assert.Null(rated.CitizenName);
    }

    private IThemeQueueGrain Theme(string hall) => _cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall, "BDC"));

    private IWindowGrain Window(string hall, int no) => _cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hall, no));
}
