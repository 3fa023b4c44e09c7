using Npgsql;

namespace Queue.Engine.Persistence;

/// <summary>
/// Runs a schema script once per process, in a transaction that first takes the cluster-wide advisory lock, because
/// silos that start together would otherwise race on <c>CREATE TABLE IF NOT EXISTS</c>. A failed run is tried again
/// by the next caller.
/// </summary>
public sealed class PostgresSchemaGate(NpgsqlDataSource dataSource, string script) : IDisposable
{
    private const long AdvisoryLock = 7300105;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLock});\n{script}", connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
