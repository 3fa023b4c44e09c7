using Microsoft.Data.Sqlite;
using Queue.Contracts.Events;
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

    [Fact]
    public async Task AFileMadeBeforeStaffWasKeptGainsTheColumnAndARatingKeepsItsWaitAndStaff()
    {
        var path = _directory.File("old.db");
        using (var old = new SqliteConnection($"Data Source={path}"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = SqliteTimeSeriesSchema.Create; // the schema as it was: no staff column
            create.ExecuteNonQuery();
        }

        using var store = new SqliteTimeSeriesStore(path);
        var at = new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
        await store.WriteAsync([TestEvents.Rated("h", 1, "BDC", at, 3, 2) with { WaitSeconds = 754.5, StaffId = "wangwu" }]);

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT window_no, wait_s, staff, rating FROM ts_event WHERE hall_id = 'h' AND seq = 1";
        using var row = read.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal((3L, 754.5, "wangwu", 2L), (row.GetInt64(0), row.GetDouble(1), row.GetString(2), row.GetInt64(3)));
        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }
}
