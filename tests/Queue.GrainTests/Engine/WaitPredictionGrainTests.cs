using System.Collections.Concurrent;
using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Events;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.GrainTests.Engine;

/// <summary>
/// The one wait estimate through the grains: the theme reports its load, the hall shares its windows by the themes' work
/// (servedness), and the hall's timer simulates forward from the live state (the ranges).
/// </summary>
[Collection(QueueClusterCollection.Name)]
public sealed class WaitPredictionGrainTests(QueueClusterFixture cluster)
{
    [Fact]
    public async Task AComprehensiveWindowGivesALoneBusyLineAllOfItselfAndALineNobodyServesGetsNoNumber()
    {
        var hallId = $"wait-{Guid.NewGuid().ToString("N")[..6]}";
        await cluster.Grains.GetGrain<IHallGrain>(hallId).ConfigureAsync(
            TestHalls.Small(hallId, ["AA", "BB", "CC"], WindowProfile.Comprehensive, new WindowProfile(WindowProfileKind.Ordered, ["AA", "BB"])));
        var aa = Theme(hallId, "AA");
        for (var i = 0; i < 4; i++)
        {
            await aa.IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        }

        await cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, 1)).SignInAsync(new SignIn("s1", "张三"));

        // BB and CC are empty: the comprehensive window gives AA all of itself (not 1/3); every place has a predicted wait
        // (the closed form's 0, 10, 20, 30 until the first forward forecast, then the simulated ranges).
        var line = await Until(aa.GetLineAsync, l => l.ServingWindows > 0);
        Assert.Equal(1, line.ServingWindows);
        Assert.All(line.PredictedWaits, w => Assert.NotNull(w));
        Assert.NotNull((await aa.GetStatsAsync()).ProjectedWaitMinutes); // a newcomer: 4 ahead

        await cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, 1)).SignOutAsync();
        var closed = await Until(aa.GetStatsAsync, s => s.ServingWindows == 0);
        Assert.Null(closed.ProjectedWaitMinutes);
        Assert.All((await aa.GetLineAsync()).PredictedWaits, w => Assert.Null(w));
    }

    [Fact]
    public async Task TheHallsForwardSimulationGivesEachPlaceInTheLineARangeThatGrowsWithThePlace()
    {
        var hallId = $"fwd-{Guid.NewGuid().ToString("N")[..6]}";
        await cluster.Grains.GetGrain<IHallGrain>(hallId).ConfigureAsync(TestHalls.Small(hallId, ["AA", "BB"], WindowProfile.Dedicated("AA"), WindowProfile.Dedicated("BB")));
        var aa = Theme(hallId, "AA");
        TicketSnapshot last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await aa.IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));
        }

        await cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, 1)).SignInAsync(new SignIn("s1", "张三"));

        // Simulated: a range (low < high) for each place, nondecreasing with the place; the newcomer's is the widest-placed.
        var line = await Until(aa.GetLineAsync, l => l.PredictedLow.Length == 6 && l.PredictedLow[5] < l.PredictedHigh[5], seconds: 30);
        Assert.Equal(6, line.Waiting.Length);
        for (var k = 0; k < 6; k++)
        {
            Assert.True(line.PredictedLow[k] <= line.PredictedWaits[k] && line.PredictedWaits[k] <= line.PredictedHigh[k], $"place {k}");
            Assert.True(k == 0 || line.PredictedHigh[k] >= line.PredictedHigh[k - 1], $"place {k}");
        }

        var stats = await aa.GetStatsAsync();
        Assert.True(stats.ProjectedWaitLow < stats.ProjectedWaitHigh);
        Assert.True(stats.ProjectedWaitHigh >= line.PredictedHigh[5]);
        var ticket = (await aa.FindAsync(last.TicketId))!.Ticket;
        Assert.Equal((5, line.PredictedLow[5], line.PredictedHigh[5]), (ticket.PeopleAhead, ticket.PredictedWaitLow, ticket.PredictedWaitHigh));

        // BB's only window is closed: no range, no figure ("暂无窗口受理").
        var bb = await Theme(hallId, "BB").GetStatsAsync();
        Assert.Null(bb.ProjectedWaitLow);
    }

    [Fact]
    public async Task ANewForecastTellsTheHallsWatchersThatItsFiguresChangedWithoutAnEvent()
    {
        var hallId = $"told-{Guid.NewGuid().ToString("N")[..6]}";
        var hall = cluster.Grains.GetGrain<IHallGrain>(hallId);
        await hall.ConfigureAsync(TestHalls.Small(hallId, ["AA"], WindowProfile.Dedicated("AA")));
        var watcher = new FiguresWatcher();
        await hall.SubscribeAsync(cluster.Grains.CreateObjectReference<IHallObserver>(watcher));
        await cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, 1)).SignInAsync(new SignIn("s1", "张三"));
        await Theme(hallId, "AA").IssueAsync(new IssueTicket(IssueChannel.Kiosk, PriorityClass.Normal, null));

        // The pages' ranges come from the hall's forward forecast, which no event announces: the watchers are told.
        var told = await Until(() => Task.FromResult(watcher.Halls.ToArray()), h => h.Length > 0, seconds: 30);
        Assert.Contains(hallId, told);
        Assert.All(told, h => Assert.Equal(hallId, h));
    }

    private IThemeQueueGrain Theme(string hall, string code) => cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall, code));

    /// <summary>A window's state reaches the hall one-way: wait for it, at most 10 s.</summary>
    private static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A web node's stand-in: it keeps the halls whose figures it was told changed.</summary>
    private sealed class FiguresWatcher : IHallObserver
    {
        public ConcurrentQueue<string> Halls { get; } = new();

        public Task OnEventsAsync(HallEvent[] events) => Task.CompletedTask;

        public Task OnFiguresChangedAsync(string hallId)
        {
            Halls.Enqueue(hallId);
            return Task.CompletedTask;
        }
    }
}
