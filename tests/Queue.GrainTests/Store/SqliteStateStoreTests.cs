using Microsoft.Extensions.Logging.Abstractions;
using Queue.Engine.Persistence;

namespace Queue.GrainTests.Store;

/// <summary>The store contract on the single-node dialect: a SQLite file in a temp directory.</summary>
public sealed class SqliteStateStoreTests : StateStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IStateStore> CreateStoreAsync() =>
        Task.FromResult<IStateStore>(new SqliteStateStore(_directory.File("queue.db"), NullLogger<SqliteStateStore>.Instance));

    public void Dispose() => _directory.Dispose();
}
