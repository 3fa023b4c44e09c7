using Npgsql;
using NpgsqlTypes;
using Queue.Contracts.Events;
using Queue.Domain;

namespace Queue.Engine.Persistence;

/// <summary>
/// The cluster store: PostgreSQL, shared by every silo. Each write is one transaction: the state row (guarded by
/// its version), then the hall's counter row bumped with <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, whose
/// row lock serializes the writers of one hall until they commit, then the events. A conflict or any failure rolls
/// back everything, so no sequence number is consumed. Writes run concurrently on pooled connections; PostgreSQL
/// flushes the WAL of transactions that commit together in one fsync, which is the group commit here. Every call
/// is asynchronous, nothing blocks a thread.
/// </summary>
public sealed class PostgresStateStore(NpgsqlDataSource dataSource) : IStateStore, IAsyncDisposable
{
    private readonly PostgresSchemaGate _schema = new(dataSource, PostgresSchema.Create);

    public PostgresStateStore(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString))
    {
    }

    /// <summary>Creates the tables when they are missing; every other call does it first if it has not been done.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => _schema.EnsureAsync(cancellationToken);

    public async Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // The payload and its rows from one snapshot.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT etag, payload FROM grain_state WHERE grain_type = $1 AND grain_key = $2", connection, transaction);
        command.Parameters.Add(new() { Value = grainType });
        command.Parameters.Add(new() { Value = grainKey });
        long version;
        byte[] payload;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (version, payload) = (reader.GetInt64(0), (byte[])reader[1]);
        }

        command.CommandText = "SELECT row_key, payload FROM grain_row WHERE grain_type = $1 AND grain_key = $2";
        var rows = new List<StoredRow>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new StoredRow(reader.GetString(0), (byte[])reader[1]));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new StoredState(version, payload, rows);
    }

    public async Task<(long Version, IReadOnlyList<HallEvent> Events)> WriteAsync(
        string grainType, string grainKey, long? expectedVersion, byte[] payload, IReadOnlyList<HallEvent> events, RowChanges? rows = null, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var version = (expectedVersion ?? 0) + 1;
        var sql = expectedVersion is null
            ? "INSERT INTO grain_state (grain_type, grain_key, etag, payload, updated_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING"
            : "UPDATE grain_state SET etag = $3, payload = $4, updated_at = now() WHERE grain_type = $1 AND grain_key = $2 AND etag = $5";
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.Parameters.Add(new() { Value = grainType });
            command.Parameters.Add(new() { Value = grainKey });
            command.Parameters.Add(new() { Value = version });
            command.Parameters.Add(new() { Value = payload, NpgsqlDbType = NpgsqlDbType.Bytea });
            if (expectedVersion is { } expected)
            {
                command.Parameters.Add(new() { Value = expected });
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new StoreConflictException($"{grainType}/{grainKey}: expected version {expectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
            }
        }

        await WriteRowsAsync(connection, transaction, grainType, grainKey, rows ?? RowChanges.None, cancellationToken);
        var sequenced = await AppendEventsAsync(connection, transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (version, sequenced);
    }

    public async Task ClearAsync(string grainType, string grainKey, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (expectedVersion is not { } expected)
        {
            return; // nothing was written by this activation, as in the SQLite dialect
        }

        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("DELETE FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND etag = $3", connection, transaction))
        {
            command.Parameters.Add(new() { Value = grainType });
            command.Parameters.Add(new() { Value = grainKey });
            command.Parameters.Add(new() { Value = expected });
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new StoreConflictException($"{grainType}/{grainKey}: clear expected version {expected}");
            }
        }

        await WriteRowsAsync(connection, transaction, grainType, grainKey, new RowChanges(true, []), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<HallEvent>> ReadEventsAsync(string hallId, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        QueryEventsAsync("SELECT body FROM hall_event WHERE hall_id = $1 AND seq > $2 ORDER BY seq LIMIT $3", cancellationToken, hallId, afterSequence, (long)max);

    public Task<IReadOnlyList<HallEvent>> ReadTicketEventsAsync(string ticketId, CancellationToken cancellationToken = default) =>
        QueryEventsAsync("SELECT body FROM hall_event WHERE ticket_id = $1 ORDER BY seq", cancellationToken, ticketId);

    public async Task<long> LastSequenceAsync(string hallId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("SELECT seq FROM hall_sequence WHERE hall_id = $1");
        command.Parameters.Add(new() { Value = hallId });
        return await command.ExecuteScalarAsync(cancellationToken) is long seq ? seq : 0L;
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        _schema.Dispose();
    }

    private async Task<IReadOnlyList<HallEvent>> QueryEventsAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new() { Value = value });
        }

        var events = new List<HallEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(HallEventJson.Deserialize(reader.GetString(0)));
        }

        return events;
    }

    /// <summary>The changed rows in one batch: each upserted or (null payload) deleted; a replacement deletes every row first.</summary>
    private static async Task WriteRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string grainType, string grainKey, RowChanges changes, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        void Add(string sql, params object[] values)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new() { Value = grainType });
            command.Parameters.Add(new() { Value = grainKey });
            foreach (var value in values)
            {
                command.Parameters.Add(value is byte[] bytes ? new NpgsqlParameter { Value = bytes, NpgsqlDbType = NpgsqlDbType.Bytea } : new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(command);
        }

        if (changes.ReplaceAll)
        {
            Add("DELETE FROM grain_row WHERE grain_type = $1 AND grain_key = $2");
        }

        foreach (var row in changes.Rows)
        {
            if (row.Payload is { } payload)
            {
                Add("""
                    INSERT INTO grain_row (grain_type, grain_key, row_key, payload) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (grain_type, grain_key, row_key) DO UPDATE SET payload = excluded.payload
                    """, row.Key, payload);
            }
            else if (!changes.ReplaceAll)
            {
                Add("DELETE FROM grain_row WHERE grain_type = $1 AND grain_key = $2 AND row_key = $3", row.Key);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Numbers the events per hall (halls in a fixed order, so two writers never wait on each other in a cycle) and inserts them.</summary>
    private static async Task<IReadOnlyList<HallEvent>> AppendEventsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<HallEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var sequenced = new List<HallEvent>(events.Count);
        foreach (var group in events.GroupBy(e => e.HallId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var count = group.Count();
            await using var bump = new NpgsqlCommand(
                "INSERT INTO hall_sequence (hall_id, seq) VALUES ($1, $2) ON CONFLICT (hall_id) DO UPDATE SET seq = hall_sequence.seq + $2 RETURNING seq",
                connection,
                transaction);
            bump.Parameters.Add(new() { Value = group.Key });
            bump.Parameters.Add(new() { Value = (long)count });
            var next = (long)(await bump.ExecuteScalarAsync(cancellationToken))! - count + 1;
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var e in group)
            {
                var withSequence = e with { Sequence = next++ };
                var insert = new NpgsqlBatchCommand("""
                    INSERT INTO hall_event (hall_id, seq, at_ms, kind, ticket_id, theme_code, window_no, body)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    """);
                insert.Parameters.Add(new() { Value = withSequence.HallId });
                insert.Parameters.Add(new() { Value = withSequence.Sequence });
                insert.Parameters.Add(new() { Value = withSequence.At.ToUnixTimeMilliseconds() });
                insert.Parameters.Add(new() { Value = withSequence.Kind.ToString() });
                insert.Parameters.Add(new() { Value = (object?)withSequence.TicketId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = (object?)withSequence.ThemeCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = (object?)withSequence.WindowNo ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
                insert.Parameters.Add(new() { Value = HallEventJson.Serialize(withSequence) });
                batch.BatchCommands.Add(insert);
                sequenced.Add(withSequence);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        return sequenced;
    }
}
