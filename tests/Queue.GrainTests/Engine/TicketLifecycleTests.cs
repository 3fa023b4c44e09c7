using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;

namespace Queue.GrainTests.Engine;

[Collection(QueueClusterCollection.Name)]
public sealed class TicketLifecycleTests(QueueClusterFixture cluster)
{
    [Fact]
    public async Task ATicketGoesFromIssueToRating()
    {
        var hall = await Configure("life-1", ["BDC"], WindowProfile.Dedicated("BDC"));
        var ticket = await Theme(hall, "BDC").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        Assert.Equal("A001", ticket.DisplayNumber);
        Assert.Equal(TicketStatus.Waiting, ticket.Status);
        Assert.Equal(0, ticket.PeopleAhead);

        var window = Window(hall, 1);
        await window.SignInAsync(new SignIn("s1", "张三"));
        var calling = await window.CallNextAsync();
        Assert.Equal(WindowState.Calling, calling.State);
        Assert.Equal(ticket.TicketId, calling.Current!.TicketId);

        await window.StartServiceAsync();
        var idle = await window.CompleteAsync(new CompleteService(ServiceOutcome.Done, null));
        Assert.Equal(WindowState.Idle, idle.State);
        Assert.Null(idle.Current);
        Assert.Equal(1, idle.ServedToday);

        var rated = await cluster.Grains.GetGrain<ITicketGrain>(ticket.TicketId).RateAsync(new RateService(5, "很快"));
        Assert.Equal(TicketStatus.Completed, rated.Status);
        Assert.Equal(ServiceOutcome.Done, rated.Outcome);
        Assert.Equal(5, rated.Rating);

        var events = await cluster.Grains.GetGrain<IHallGrain>(hall).GetEventsAsync(0, 100);
        Assert.Equal(
            [HallEventKind.HallConfigured, HallEventKind.TicketIssued, HallEventKind.WindowOpened, HallEventKind.TicketCalled,
             HallEventKind.ServiceStarted, HallEventKind.ServiceCompleted, HallEventKind.TicketRated],
            events.Select(e => e.Kind).Where(k => k is not (HallEventKind.SlaAlert or HallEventKind.SlaResolved))); // the guardian may speak up while nobody serves
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    private async Task<string> Configure(string hallId, string[] themes, params WindowProfile[] windows)
    {
        await cluster.Grains.GetGrain<IHallGrain>(hallId).ConfigureAsync(TestHalls.Small(hallId, themes, windows));
        return hallId;
    }

    private IThemeQueueGrain Theme(string hall, string code) => cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall, code));

    private IWindowGrain Window(string hall, int no) => cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hall, no));
}
