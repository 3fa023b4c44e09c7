using Queue.Engine.Persistence;

namespace Queue.GrainTests.Store;

/// <summary>The store contract on the cluster dialect: a real PostgreSQL 15 started for this class.</summary>
public sealed class PostgresStateStoreTests(PostgresFixture postgres) : StateStoreContractTests, IClassFixture<PostgresFixture>
{
    protected override async Task<IStateStore> CreateStoreAsync()
    {
        var store = new PostgresStateStore(postgres.ConnectionString);
        await store.EnsureSchemaAsync();
        return store;
    }
}
