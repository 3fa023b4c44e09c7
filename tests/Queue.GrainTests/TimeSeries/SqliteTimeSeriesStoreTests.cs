using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;

namespace Queue.GrainTests.TimeSeries;

/// <summary>The store contract against the embedded SQLite store, a fresh file per test.</summary>
public sealed class SqliteTimeSeriesStoreTests : TimeSeriesStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteTimeSeriesStore _store;

    public SqliteTimeSeriesStoreTests() => _store = new SqliteTimeSeriesStore(_directory.File("timeseries.db"));

    protected override ITimeSeriesStore Store => _store;

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }
}
