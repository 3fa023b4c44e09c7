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

        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
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

    private async Task WriteLoop()
    {
        using var connection = Open();
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            CommitBatch(connection, batch);
        }
    }

    private void CommitBatch(SqliteConnection connection, List<PendingWrite> batch)
    {
        var results = new (long Version, IReadOnlyList<HallEvent> Events)?[batch.Count];
        var failures = new Exception?[batch.Count];
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                transaction.Save("w");
                try
                {
                    results[i] = Apply(connection, transaction, batch[i]);
                    transaction.Release("w");
                }
                catch (Exception ex) when (ex is StoreConflictException or SqliteException { SqliteErrorCode: 19 })
                {
                    transaction.Rollback("w");
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

    private static (long Version, IReadOnlyList<HallEvent> Events) Apply(SqliteConnection connection, SqliteTransaction transaction, PendingWrite write)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$type", write.GrainType);
        command.Parameters.AddWithValue("$key", write.GrainKey);
        if (write.Clear)
        {
            command.CommandText = "DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND etag = $expected";
            command.Parameters.AddWithValue("$expected", write.ExpectedVersion ?? 0);
            if (write.ExpectedVersion is not null && command.ExecuteNonQuery() != 1)
            {
                throw new StoreConflictException($"{write.GrainType}/{write.GrainKey}: clear expected version {write.ExpectedVersion}");
            }

            if (write.ExpectedVersion is not null)
            {
                WriteRows(connection, transaction, write.GrainType, write.GrainKey, new RowChanges(true, []));
            }

            return (0, []);
        }

        var version = (write.ExpectedVersion ?? 0) + 1;
        command.Parameters.AddWithValue("$etag", version);
        command.Parameters.AddWithValue("$payload", write.Payload);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
        if (write.ExpectedVersion is null)
        {
            command.CommandText = "INSERT INTO grain_state (grain_type, grain_key, etag, payload, updated_at) VALUES ($type, $key, $etag, $payload, $now)";
        }
        else
        {
            command.CommandText = "UPDATE grain_state SET etag = $etag, payload = $payload, updated_at = $now WHERE grain_type = $type AND grain_key = $key AND etag = $expected";
            command.Parameters.AddWithValue("$expected", write.ExpectedVersion.Value);
        }

        if (command.ExecuteNonQuery() != 1)
        {
            throw new StoreConflictException($"{write.GrainType}/{write.GrainKey}: expected version {write.ExpectedVersion}");
        }

        WriteRows(connection, transaction, write.GrainType, write.GrainKey, write.Rows);
        return (version, AppendEvents(connection, transaction, write.Events));
    }

    /// <summary>The changed rows: each upserted or (null payload) deleted; a replacement deletes every row first.</summary>
    private static void WriteRows(SqliteConnection connection, SqliteTransaction transaction, string grainType, string grainKey, RowChanges changes)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        if (changes.ReplaceAll)
        {
            using var clear = RowCommand(connection, transaction, grainType, grainKey, "DELETE FROM grain_row WHERE grain_type = $type AND grain_key = $key");
            clear.ExecuteNonQuery();
        }

        using var upsert = RowCommand(connection, transaction, grainType, grainKey, """
            INSERT INTO grain_row (grain_type, grain_key, row_key, payload) VALUES ($type, $key, $row, $payload)
            ON CONFLICT (grain_type, grain_key, row_key) DO UPDATE SET payload = excluded.payload
            """);
        var payload = upsert.Parameters.Add("$payload", SqliteType.Blob);
        using var delete = RowCommand(connection, transaction, grainType, grainKey, "DELETE FROM grain_row WHERE grain_type = $type AND grain_key = $key AND row_key = $row");
        foreach (var row in changes.Rows)
        {
            if (row.Payload is null && changes.ReplaceAll)
            {
                continue; // already gone
            }

            var target = row.Payload is null ? delete : upsert;
            target.Parameters["$row"].Value = row.Key;
            payload.Value = (object?)row.Payload ?? DBNull.Value;
            target.ExecuteNonQuery();
        }
    }

    private static SqliteCommand RowCommand(SqliteConnection connection, SqliteTransaction transaction, string grainType, string grainKey, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", grainKey);
        command.Parameters.Add("$row", SqliteType.Text);
        return command;
    }

    private static IReadOnlyList<HallEvent> AppendEvents(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<HallEvent> events)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var sequenced = new List<HallEvent>(events.Count);
        foreach (var group in events.GroupBy(e => e.HallId))
        {
            using var bump = connection.CreateCommand();
            bump.Transaction = transaction;
            bump.CommandText = """
                INSERT INTO hall_sequence (hall_id, seq) VALUES ($hall, $n)
                ON CONFLICT (hall_id) DO UPDATE SET seq = seq + $n
                RETURNING seq
                """;
            bump.Parameters.AddWithValue("$hall", group.Key);
            bump.Parameters.AddWithValue("$n", group.Count());
            var last = (long)bump.ExecuteScalar()!;
            var next = last - group.Count() + 1;
            foreach (var e in group)
            {
                var withSequence = e with { Sequence = next++ };
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO hall_event (hall_id, seq, at_ms, kind, ticket_id, theme_code, window_no, body)
                    VALUES ($hall, $seq, $at, $kind, $ticket, $theme, $window, $body)
                    """;
                insert.Parameters.AddWithValue("$hall", withSequence.HallId);
                insert.Parameters.AddWithValue("$seq", withSequence.Sequence);
                insert.Parameters.AddWithValue("$at", withSequence.At.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$kind", withSequence.Kind.ToString());
                insert.Parameters.AddWithValue("$ticket", (object?)withSequence.TicketId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$theme", (object?)withSequence.ThemeCode ?? DBNull.Value);
                insert.Parameters.AddWithValue("$window", (object?)withSequence.WindowNo ?? DBNull.Value);
                insert.Parameters.AddWithValue("$body", HallEventJson.Serialize(withSequence));
                insert.ExecuteNonQuery();
                sequenced.Add(withSequence);
            }
        }

        return sequenced;
    }

    private SqliteConnection Open() => _file.Open();

    private static void Execute(SqliteConnection connection, string sql) => SqliteFile.Execute(connection, sql);

    private sealed record PendingWrite(string GrainType, string GrainKey, long? ExpectedVersion, byte[] Payload, IReadOnlyList<HallEvent> Events, RowChanges Rows, bool Clear)
    {
        public TaskCompletionSource<(long Version, IReadOnlyList<HallEvent> Events)> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
