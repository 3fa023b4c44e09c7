using Npgsql;
using Queue.Engine.Persistence;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// Relay cursors in the cluster's PostgreSQL (table <c>relay_cursor</c>), so that every silo reads and moves the same
/// positions: a silo that restarts, or takes over from a dead one, resumes where the cluster left off instead of from
/// its own old file. Writes are idempotent downstream (a sequence is its point's identity), so two silos relaying a
/// hall at once cost only duplicate writes; a cursor never moves back (<c>GREATEST</c>).
/// </summary>
public sealed class PostgresRelayCursorStore(NpgsqlDataSource dataSource) : IRelayCursorStore, IAsyncDisposable
{
    private readonly PostgresSchemaGate _schema = new(dataSource, """
        CREATE TABLE IF NOT EXISTS relay_cursor (
            sink    text NOT NULL,
            hall_id text NOT NULL,
            seq     bigint NOT NULL,
            PRIMARY KEY (sink, hall_id)
        );
        """);

    public PostgresRelayCursorStore(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString))
    {
    }

    public async Task<long> GetAsync(string sink, string hallId, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("SELECT seq FROM relay_cursor WHERE sink = $1 AND hall_id = $2");
        command.Parameters.Add(new() { Value = sink });
        command.Parameters.Add(new() { Value = hallId });
        return await command.ExecuteScalarAsync(cancellationToken) is long seq ? seq : 0L;
    }

    public async Task SetAsync(string sink, string hallId, long sequence, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO relay_cursor (sink, hall_id, seq) VALUES ($1, $2, $3)
            ON CONFLICT (sink, hall_id) DO UPDATE SET seq = GREATEST(relay_cursor.seq, excluded.seq)
            """);
        command.Parameters.Add(new() { Value = sink });
        command.Parameters.Add(new() { Value = hallId });
        command.Parameters.Add(new() { Value = sequence });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        _schema.Dispose();
    }
}
