using Queue.Contracts;
using Queue.Contracts.Commands;
using Queue.Contracts.Grains;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.GrainTests.Engine;

/// <summary>The one wait estimate through the grains: the theme reports its load, the hall shares its windows by the themes' work.</summary>
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

        // BB and CC are empty: the comprehensive window gives AA all of itself, so the 4th waits 3 × 10 ÷ 1 = 30 minutes (not 90 at 1/3).
        var line = await Until(aa.GetLineAsync, l => l.ServingWindows > 0);
        Assert.Equal(1, line.ServingWindows);
        Assert.Equal([0, 10, 20, 30], line.PredictedWaits.Select(w => w ?? -1));
        Assert.Equal(40, (await aa.GetStatsAsync()).ProjectedWaitMinutes); // a newcomer: 4 ahead

        await cluster.Grains.GetGrain<IWindowGrain>(GrainKeys.Window(hallId, 1)).SignOutAsync();
        var closed = await Until(aa.GetStatsAsync, s => s.ServingWindows == 0);
        Assert.Null(closed.ProjectedWaitMinutes);
        Assert.All((await aa.GetLineAsync()).PredictedWaits, w => Assert.Null(w));
    }

    private IThemeQueueGrain Theme(string hall, string code) => cluster.Grains.GetGrain<IThemeQueueGrain>(GrainKeys.Theme(hall, code));

    /// <summary>A window's state reaches the hall one-way: wait for it, at most 10 s.</summary>
    private static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
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
}
