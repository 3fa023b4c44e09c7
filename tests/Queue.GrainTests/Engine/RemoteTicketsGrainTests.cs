using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;

namespace Queue.GrainTests.Engine;

/// <summary>The hall's remote tickets grain: its limits hold under concurrent requests, and a remote ticket called before arrival goes to no-show by the usual recalls.</summary>
[Collection(QueueClusterCollection.Name)]
public sealed class RemoteTicketsGrainTests(QueueClusterFixture cluster)
{
    [Fact]
    public async Task TenConcurrentRequestsOfOneCitizenForOneThemeGiveExactlyOneTicket()
    {
        const string hall = "remote-grain-1";
        await cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(TestHalls.Small(hall, ["BDC"], WindowProfile.Dedicated("BDC")));
        var remote = cluster.Grains.GetGrain<IRemoteTicketsGrain>(hall);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                return (await remote.TakeAsync("BDC", Command(i), "address-1")).TicketId;
            }
            catch (QueueRuleException refused) when (refused.Code == "remote-active")
            {
                return null;
            }
        }));

        var issued = Assert.Single(attempts.OfType<string>());
        var line = await cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall, "BDC")).GetStatsAsync();
        Assert.Equal(1, line.Waiting);
        Assert.StartsWith($"{hall}.BDC.", issued, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemoteTicketCalledBeforeItsHolderArrivesIsMarkedAndGoesToNoShowAfterTheRecalls()
    {
        const string hall = "remote-grain-2";
        await cluster.Grains.GetGrain<IHallGrain>(hall).ConfigureAsync(TestHalls.Small(hall, ["BDC"], WindowProfile.Dedicated("BDC")));
        var ticket = await cluster.Grains.GetGrain<IRemoteTicketsGrain>(hall).TakeAsync("BDC", Command(0), "address-2");
        var window = cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hall, 1));
        await window.SignInAsync(new SignIn("s1", "张三"));

        var calling = await window.CallNextAsync();
        Assert.Equal((ticket.TicketId, true), (calling.Current?.TicketId, calling.Current?.NotArrived));
        await Assert.ThrowsAsync<QueueRuleException>(() => window.NoShowAsync());
        await window.RecallAsync();
        await window.RecallAsync();
        await window.NoShowAsync();

        var missed = await cluster.Grains.GetGrain<ITicketGrain>(ticket.TicketId).GetAsync();
        Assert.Equal((TicketStatus.NoShow, false), (missed.Status, missed.AwaitingArrival));
    }

    private static IssueTicket Command(int attempt) =>
        new(IssueChannel.Remote, PriorityClass.Normal, $"remote/c1:same/{attempt}", "c1:same", null, TravelMinutes: 10);
}
