using Microsoft.Data.Sqlite;
using Queue.Contracts.Events;
using Queue.Domain;

namespace Queue.Engine.Persistence;

/// <summary>
/// The statements of <see cref="SqliteStateStore"/>'s single writer, prepared once on its connection and bound again
/// for every write: a write is a state row, its changed rows, a sequence bump and its events, and preparing each
/// statement anew cost more than running it. Used only by the writer thread.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly Statement _insertState;
    private readonly Statement _updateState;
    private readonly Statement _deleteState;
    private readonly Statement _upsertRow;
    private readonly Statement _deleteRow;
    private readonly Statement _deleteRows;
    private readonly Statement _bumpSequence;
    private readonly Statement _insertEvent;
    private readonly Statement _savepoint;
    private readonly Statement _release;
    private readonly Statement _rollbackTo;

    public SqliteWriter(SqliteConnection connection)
    {
        _savepoint = new(connection, "SAVEPOINT w");
        _release = new(connection, "RELEASE w");
        _rollbackTo = new(connection, "ROLLBACK TO w; RELEASE w");
        _insertState = new(connection, "INSERT INTO grain_state (grain_type, grain_key, etag, payload, updated_at) VALUES ($type, $key, $etag, $payload, $now)");
        _updateState = new(connection, "UPDATE grain_state SET etag = $etag, payload = $payload, updated_at = $now WHERE grain_type = $type AND grain_key = $key AND etag = $expected");
        _deleteState = new(connection, "DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND etag = $expected");
        _upsertRow = new(connection, """
            INSERT INTO grain_row (grain_type, grain_key, row_key, payload) VALUES ($type, $key, $row, $payload)
            ON CONFLICT (grain_type, grain_key, row_key) DO UPDATE SET payload = excluded.payload
            """);
        _deleteRow = new(connection, "DELETE FROM grain_row WHERE grain_type = $type AND grain_key = $key AND row_key = $row");
        _deleteRows = new(connection, "DELETE FROM grain_row WHERE grain_type = $type AND grain_key = $key");
        _bumpSequence = new(connection, """
            INSERT INTO hall_sequence (hall_id, seq) VALUES ($hall, $n)
            ON CONFLICT (hall_id) DO UPDATE SET seq = seq + $n
            RETURNING seq
            """);
        _insertEvent = new(connection, """
            INSERT INTO hall_event (hall_id, seq, at_ms, kind, ticket_id, theme_code, window_no, body)
            VALUES ($hall, $seq, $at, $kind, $ticket, $theme, $window, $body)
            """);
    }

    /// <summary>A savepoint around one write of a batch (prepared like the rest; the provider's own prepares its statement anew each time).</summary>
    public void Savepoint(SqliteTransaction transaction)
    {
        _savepoint.Bind(transaction);
        _savepoint.Execute();
    }

    /// <summary>Keeps the write since <see cref="Savepoint"/>.</summary>
    public void Release(SqliteTransaction transaction)
    {
        _release.Bind(transaction);
        _release.Execute();
    }

    /// <summary>Undoes the write since <see cref="Savepoint"/>, the batch's other writes kept.</summary>
    public void RollbackToSavepoint(SqliteTransaction transaction)
    {
        _rollbackTo.Bind(transaction);
        _rollbackTo.Execute();
    }

    /// <summary>Writes one grain's state, rows and events inside <paramref name="transaction"/>; a version conflict throws <see cref="StoreConflictException"/>.</summary>
    public (long Version, IReadOnlyList<HallEvent> Events) Apply(SqliteTransaction transaction, string grainType, string grainKey, long? expectedVersion, byte[] payload, IReadOnlyList<HallEvent> events, RowChanges rows)
    {
        var version = (expectedVersion ?? 0) + 1;
        var state = expectedVersion is null ? _insertState : _updateState;
        state.Bind(transaction, ("$type", grainType), ("$key", grainKey), ("$etag", version), ("$payload", payload), ("$now", DateTimeOffset.UtcNow.ToString("O")));
        if (expectedVersion is { } expected)
        {
            state.Set("$expected", expected);
        }

        if (state.Execute() != 1)
        {
            throw new StoreConflictException($"{grainType}/{grainKey}: expected version {expectedVersion}");
        }

        WriteRows(transaction, grainType, grainKey, rows);
        return (version, AppendEvents(transaction, events));
    }

    /// <summary>Deletes a grain's state and rows at the expected version.</summary>
    public void Clear(SqliteTransaction transaction, string grainType, string grainKey, long expectedVersion)
    {
        _deleteState.Bind(transaction, ("$type", grainType), ("$key", grainKey), ("$expected", expectedVersion));
        if (_deleteState.Execute() != 1)
        {
            throw new StoreConflictException($"{grainType}/{grainKey}: clear expected version {expectedVersion}");
        }

        WriteRows(transaction, grainType, grainKey, new RowChanges(true, []));
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _insertState, _updateState, _deleteState, _upsertRow, _deleteRow, _deleteRows, _bumpSequence, _insertEvent, _savepoint, _release, _rollbackTo })
        {
            statement.Dispose();
        }
    }

    /// <summary>The changed rows: each upserted or (null payload) deleted; a replacement deletes every row first.</summary>
    private void WriteRows(SqliteTransaction transaction, string grainType, string grainKey, RowChanges changes)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        if (changes.ReplaceAll)
        {
            _deleteRows.Bind(transaction, ("$type", grainType), ("$key", grainKey));
            _deleteRows.Execute();
        }

        foreach (var row in changes.Rows)
        {
            if (row.Payload is { } bytes)
            {
                _upsertRow.Bind(transaction, ("$type", grainType), ("$key", grainKey), ("$row", row.Key), ("$payload", bytes));
                _upsertRow.Execute();
            }
            else if (!changes.ReplaceAll)
            {
                _deleteRow.Bind(transaction, ("$type", grainType), ("$key", grainKey), ("$row", row.Key));
                _deleteRow.Execute();
            }
        }
    }

    private IReadOnlyList<HallEvent> AppendEvents(SqliteTransaction transaction, IReadOnlyList<HallEvent> events)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var sequenced = new List<HallEvent>(events.Count);
        foreach (var group in events.GroupBy(e => e.HallId))
        {
            var count = group.Count();
            _bumpSequence.Bind(transaction, ("$hall", group.Key), ("$n", count));
            var next = _bumpSequence.Scalar() - count + 1;
            foreach (var e in group)
            {
                var withSequence = e with { Sequence = next++ };
                _insertEvent.Bind(
                    transaction,
                    ("$hall", withSequence.HallId),
                    ("$seq", withSequence.Sequence),
                    ("$at", withSequence.At.ToUnixTimeMilliseconds()),
                    ("$kind", withSequence.Kind.ToString()),
                    ("$ticket", withSequence.TicketId),
                    ("$theme", withSequence.ThemeCode),
                    ("$window", withSequence.WindowNo),
                    ("$body", HallEventJson.Serialize(withSequence)));
                _insertEvent.Execute();
                sequenced.Add(withSequence);
            }
        }

        return sequenced;
    }

    /// <summary>One prepared statement: its parameters are created once from the names in its text and rebound for each use.</summary>
    private sealed class Statement : IDisposable
    {
        private readonly SqliteCommand _command;

        public Statement(SqliteConnection connection, string sql)
        {
            _command = connection.CreateCommand();
            _command.CommandText = sql;
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z]+").Select(m => m.Value).Distinct())
            {
                _command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
        }

        public void Bind(SqliteTransaction transaction, params (string Name, object? Value)[] values)
        {
            _command.Transaction = transaction;
            foreach (var (name, value) in values)
            {
                Set(name, value);
            }
        }

        public void Set(string name, object? value) => _command.Parameters[name].Value = value ?? DBNull.Value;

        public int Execute() => _command.ExecuteNonQuery();

        public long Scalar() => (long)_command.ExecuteScalar()!;

        public void Dispose() => _command.Dispose();
    }
}
