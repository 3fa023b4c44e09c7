using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.TimeSeries;

/// <summary>The cluster's cursor store on a real PostgreSQL 15, started for this class.</summary>
public sealed class PostgresRelayCursorStoreTests(PostgresFixture postgres) : RelayCursorStoreContract, IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly List<PostgresRelayCursorStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    protected override IRelayCursorStore Open()
    {
        var store = new PostgresRelayCursorStore(postgres.ConnectionString);
        _stores.Add(store);
        return store;
    }
}
