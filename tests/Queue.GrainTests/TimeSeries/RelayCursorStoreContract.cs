using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.TimeSeries;

/// <summary>What the relay needs of its cursor store, run against SQLite (single node) and PostgreSQL (cluster).</summary>
public abstract class RelayCursorStoreContract
{
    /// <summary>A store on the same durable place every time it is called in one test (a "restart" makes a new one).</summary>
    protected abstract IRelayCursorStore Open();

    [Fact]
    public async Task ACursorNeverSetReadsZero() => Assert.Equal(0, await Open().GetAsync("influx", Hall()));

    [Fact]
    public async Task ACursorMovesForwardButNeverBack()
    {
        var store = Open();
        var hall = Hall();

        await store.SetAsync("influx", hall, 40);
        await store.SetAsync("influx", hall, 41);
        await store.SetAsync("influx", hall, 12);

        Assert.Equal(41, await store.GetAsync("influx", hall));
    }

    [Fact]
    public async Task SinksAndHallsKeepTheirOwnCursors()
    {
        var store = Open();
        var (a, b) = (Hall(), Hall());

        await store.SetAsync("influx", a, 5);
        await store.SetAsync("embedded", a, 9);
        await store.SetAsync("influx", b, 7);

        Assert.Equal((5L, 9L, 7L, 0L), (await store.GetAsync("influx", a), await store.GetAsync("embedded", a), await store.GetAsync("influx", b), await store.GetAsync("embedded", b)));
    }

    [Fact]
    public async Task ACursorOutlivesTheStoreThatSetIt()
    {
        var hall = Hall();
        await Open().SetAsync("influx", hall, 123);

        Assert.Equal(123, await Open().GetAsync("influx", hall));
    }

    private static string Hall() => "cursor-" + Guid.NewGuid().ToString("N")[..10];
}
