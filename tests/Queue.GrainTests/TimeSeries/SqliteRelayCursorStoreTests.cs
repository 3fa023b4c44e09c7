using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.TimeSeries;

public sealed class SqliteRelayCursorStoreTests : RelayCursorStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override IRelayCursorStore Open() => new SqliteRelayCursorStore(_directory.File("queue.db"));
}
