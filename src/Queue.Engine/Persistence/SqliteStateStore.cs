using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Queue.Contracts.Events;
using Queue.Domain;

namespace Queue.Engine.Persistence;

/// <summary>
/// The single-node store: one SQLite file in WAL mode. All writes go through one writer thread that commits
/// whatever is queued in one transaction (group commit), each write inside its own savepoint so that a
/// version conflict fails that write alone. A write is acknowledged only after its transaction committed
/// with <c>synchronous=FULL</c>. Reads use their own connections and never wait for the writer.
/// SQLite's ADO.NET calls are synchronous, so nothing here runs on a grain's thread.
/// </summary>
public sealed class SqliteStateStore : IStateStore, IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly SqliteFile _file;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Task _writer;
    private readonly ILogger<SqliteStateStore> _logger;

    public SqliteStateStore(string path, ILogger<SqliteStateStore> logger)
    {
        _logger = logger;
        _file = new SqliteFile(path, privateCacheAndForeignKeys: true);
        _file.Execute(SqliteSchema.Create);

        // A thread of its own: SQLite's calls block (fsync at every commit), and the pool's threads are the requests'.
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: true); // the payload and its rows from one snapshot of the file
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND grain_key = $key";
            command.Parameters.AddWithValue("$type", grainType);
            command.Parameters.AddWithValue("$key", grainKey);
            long version;
            byte[] payload;
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }

                (version, payload) = (reader.GetInt64(0), (byte[])reader[1]);
            }

            command.CommandText = "SELECT row_key, payload FROM grain_row WHERE grain_type = $type AND grain_key = $key";
            var rows = new List<StoredRow>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add(new StoredRow(reader.GetString(0), (byte[])reader[1]));
                }
            }

            return new StoredState(version, payload, rows);
        }, cancellationToken);

    public Task<(long Version, IReadOnlyList<HallEvent> Events)> WriteAsync(
        string grainType, string grainKey, long? expectedVersion, byte[] payload, IReadOnlyList<HallEvent> events, RowChanges? rows = null, CancellationToken cancellationToken = default)
    {
        var write = new PendingWrite(grainType, grainKey, expectedVersion, payload, events, rows ?? RowChanges.None, Clear: false);
        return Enqueue(write);
    }

    public async Task ClearAsync(string grainType, string grainKey, long? expectedVersion, CancellationToken cancellationToken = default) =>
        await Enqueue(new PendingWrite(grainType, grainKey, expectedVersion, [], [], RowChanges.None, Clear: true));

    public Task<IReadOnlyList<HallEvent>> ReadEventsAsync(string hallId, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        QueryEvents(
            "SELECT body FROM hall_event WHERE hall_id = $hall AND seq > $after ORDER BY seq LIMIT $max",
            cancellationToken,
            ("$hall", hallId), ("$after", afterSequence), ("$max", max));

    public Task<IReadOnlyList<HallEvent>> ReadTicketEventsAsync(string ticketId, CancellationToken cancellationToken = default) =>
        QueryEvents("SELECT body FROM hall_event WHERE ticket_id = $ticket ORDER BY seq", cancellationToken, ("$ticket", ticketId));

    public Task<long> LastSequenceAsync(string hallId, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq FROM hall_sequence WHERE hall_id = $hall";
            command.Parameters.AddWithValue("$hall", hallId);
            return command.ExecuteScalar() is long seq ? seq : 0L;
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer;
        SqliteConnection.ClearAllPools();
    }

    private Task<(long Version, IReadOnlyList<HallEvent> Events)> Enqueue(PendingWrite write)
    {
        if (!_writes.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteStateStore));
        }

        return write.Completion.Task;
    }

    private Task<IReadOnlyList<HallEvent>> QueryEvents(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        Task.Run<IReadOnlyList<HallEvent>>(() =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var events = new List<HallEvent>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                events.Add(HallEventJson.Deserialize(reader.GetString(0)));
            }

            return events;
        }, cancellationToken);

    private void WriteLoop()
    {
        using var connection = Open();
        // The writer's page cache holds the hot pages of every line and journal (32 MiB, not the default 2 MiB: fewer reads
        // per write), and the WAL is folded back into the file every 4,000 pages rather than 1,000 (a page that every
        // batch rewrites is copied once per checkpoint). Readers keep the defaults.
        SqliteFile.Execute(connection, "PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=4000;");
        using var writer = new SqliteWriter(connection);
        var batch = new List<PendingWrite>(MaxBatch);
        while (_writes.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            CommitBatch(connection, writer, batch);
            QueueMetrics.StoreCommitted(batch.Count);
        }
    }

    private void CommitBatch(SqliteConnection connection, SqliteWriter writer, List<PendingWrite> batch)
    {
        var results = new (long Version, IReadOnlyList<HallEvent> Events)?[batch.Count];
        var failures = new Exception?[batch.Count];
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                writer.Savepoint(transaction);
                try
                {
                    results[i] = Apply(writer, transaction, batch[i]);
                    writer.Release(transaction);
                }
                catch (Exception ex) when (ex is StoreConflictException or SqliteException { SqliteErrorCode: 19 })
                {
                    writer.RollbackToSavepoint(transaction);
                    failures[i] = ex as StoreConflictException ?? new StoreConflictException($"{batch[i].GrainType}/{batch[i].GrainKey}: {ex.Message}");
                }
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "SQLite batch of {Count} writes failed; none was committed", batch.Count);
            foreach (var write in batch)
            {
                write.Completion.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Completion.TrySetException(failure);
            }
            else
            {
                batch[i].Completion.TrySetResult(results[i]!.Value);
            }
        }
    }

    private static (long Version, IReadOnlyList<HallEvent> Events) Apply(SqliteWriter writer, SqliteTransaction transaction, PendingWrite write)
    {
        if (!write.Clear)
        {
            return writer.Apply(transaction, write.GrainType, write.GrainKey, write.ExpectedVersion, write.Payload, write.Events, write.Rows);
        }

        if (write.ExpectedVersion is { } expected)
        {
            writer.Clear(transaction, write.GrainType, write.GrainKey, expected);
        }

        return (0, []);
    }

    private SqliteConnection Open() => _file.Open();

    private sealed record PendingWrite(string GrainType, string GrainKey, long? ExpectedVersion, byte[] Payload, IReadOnlyList<HallEvent> Events, RowChanges Rows, bool Clear)
    {
        public TaskCompletionSource<(long Version, IReadOnlyList<HallEvent> Events)> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
