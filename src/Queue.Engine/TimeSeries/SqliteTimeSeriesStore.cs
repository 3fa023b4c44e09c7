using Microsoft.Data.Sqlite;
using Queue.Contracts.Events;
using Queue.Engine.Persistence;
using Queue.Domain.Analytics;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// The embedded time-series store: its own SQLite file (WAL, <c>synchronous=FULL</c>). Idempotency: the raw event's
/// primary key is (hall, source, sequence); <c>ON CONFLICT DO NOTHING</c> skips an event already kept, and only a
/// row that was really inserted adds to its rollup, in the same transaction. One batch is one transaction, so a batch
/// is kept whole or not at all. Writes are serialized; SQLite calls run off the caller's thread.
/// </summary>
public sealed class SqliteTimeSeriesStore : ITimeSeriesStore, IDisposable
{
    private readonly SqliteFile _file;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteTimeSeriesStore(string path)
    {
        _file = new SqliteFile(path);
        _file.Execute(SqliteTimeSeriesSchema.Create);
        using var connection = Open();
        if (!Columns(connection).Contains(SqliteTimeSeriesSchema.StaffColumn))
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = SqliteTimeSeriesSchema.AddStaffColumn;
            alter.ExecuteNonQuery();
        }
    }

    public string Name => "embedded";

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task WriteAsync(IReadOnlyList<HallEvent> events, string source = TimeSeriesSource.Live, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await Task.Run(() => Write(events, source), cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    public Task<IReadOnlyList<TimeBucket>> ReadBucketsAsync(string hallId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Query(SqliteTimeSeriesSchema.ReadBuckets, hallId, from, to, r => new TimeBucket(
            r.GetString(0), r.GetInt32(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), r.GetInt64(3), r.GetInt64(4), r.GetDouble(5),
            r.GetDouble(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetDouble(10), r.GetInt64(11), r.GetInt64(12), r.GetInt64(13)), cancellationToken);

    public Task<IReadOnlyList<ServiceSample>> ReadServiceSamplesAsync(
        string hallId, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, CancellationToken cancellationToken = default) =>
        Query(SqliteTimeSeriesSchema.ReadServices, hallId, from, to, r => ServiceSamples.At(
            r.IsDBNull(0) ? "" : r.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.IsDBNull(2) ? 0 : r.GetDouble(2), zone), cancellationToken);

    public Task<IReadOnlyList<long>> ReadSequencesAsync(string hallId, string source = TimeSeriesSource.Live, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<long>>(() =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq FROM ts_event WHERE hall_id = $hall AND source = $source ORDER BY seq";
            command.Parameters.AddWithValue("$hall", hallId);
            command.Parameters.AddWithValue("$source", source);
            var sequences = new List<long>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sequences.Add(reader.GetInt64(0));
            }

            return sequences;
        }, cancellationToken);

    public void Dispose() => _writer.Dispose();

    private void Write(IReadOnlyList<HallEvent> events, string source)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = Command(connection, transaction, SqliteTimeSeriesSchema.InsertEvent,
            "$hall", "$source", "$seq", "$at", "$kind", "$theme", "$window", "$channel", "$priority", "$outcome", "$wait", "$service", "$rating", "$staff");
        using var rollup = Command(connection, transaction, SqliteTimeSeriesSchema.AddToRollup,
            "$hall", "$bucket", "$theme", "$window", "$source", "$issued", "$called", "$wait_sum", "$wait_max", "$on_time",
            "$completed", "$done", "$service_sum", "$rated", "$rating_sum", "$satisfied");
        foreach (var e in events)
        {
            Set(insert, e.HallId, source, e.Sequence, e.At.ToUnixTimeMilliseconds(), e.Kind.ToString(), e.ThemeCode, e.WindowNo,
                e.Channel?.ToString(), e.Priority?.ToString(), e.Outcome?.ToString(), e.WaitSeconds, e.ServiceSeconds, e.Rating, e.StaffId);
            if (insert.ExecuteNonQuery() == 1 && EventMetrics.Bucket(e) is { } b)
            {
                Set(rollup, e.HallId, b.Start.ToUnixTimeMilliseconds(), b.Theme, b.WindowNo, source, b.Issued, b.Called, b.WaitSumSeconds,
                    b.WaitMaxSeconds, b.CalledOnTime, b.Completed, b.Done, b.ServiceSumSeconds, b.Rated, b.RatingSum, b.Satisfied);
                rollup.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private Task<IReadOnlyList<T>> Query<T>(
        string sql, string hallId, DateTimeOffset from, DateTimeOffset to, Func<SqliteDataReader, T> map, CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyList<T>>(() =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$hall", hallId);
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            var rows = new List<T>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        }, cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private SqliteConnection Open() => _file.Open();

    private static HashSet<string> Columns(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('ts_event')";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
