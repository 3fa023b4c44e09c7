using Npgsql;
using Queue.Contracts.Webhooks;
using Queue.Engine.Persistence;

namespace Queue.Engine.Webhooks;

/// <summary>
/// The delivery log in the cluster's PostgreSQL, shared by every silo: planning is idempotent (a unique key), and a
/// claim takes its rows with <c>FOR UPDATE SKIP LOCKED</c> under a lease, so two silos never attempt one delivery at once.
/// </summary>
public sealed class PostgresWebhookDeliveryStore(NpgsqlDataSource dataSource, TimeProvider clock) : IWebhookDeliveryStore, IAsyncDisposable
{
    private readonly PostgresSchemaGate _schema = new(dataSource, WebhookDeliverySql.Schema("bigserial PRIMARY KEY"));

    public PostgresWebhookDeliveryStore(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString), TimeProvider.System)
    {
    }

    public async Task<int> AddAsync(IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var added = 0;
        foreach (var d in deliveries)
        {
            await using var command = new NpgsqlCommand(
                WebhookDeliverySql.Insert("$1", "$2", "$3", "$4", "$5", "$6::text", "$7::text", "$8", "$9"), connection, transaction);
            Bind(command, d.HallId, d.EndpointId, d.EventId, d.Type, d.Body, d.ContactRef, d.Group, now, d.DueAt?.ToUnixTimeMilliseconds() ?? now);
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(WebhookDeliverySql.Claim("$1", "$2", "$3", skipLocked: true));
        Bind(command, now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds(), max);
        return WebhookDeliverySql.ReadClaimed(await command.ExecuteReaderAsync(cancellationToken));
    }

    public Task DeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Run(WebhookDeliverySql.Delivered("$1", "$2"), cancellationToken, id, at.ToUnixTimeMilliseconds());

    public Task AttemptFailedAsync(long id, string error, DateTimeOffset? nextAt, CancellationToken cancellationToken = default) =>
        Run(WebhookDeliverySql.AttemptFailed("$1", "$2", "$3::bigint"), cancellationToken, id, error, nextAt?.ToUnixTimeMilliseconds());

    public Task<int> CancelAsync(string hallId, string? endpointId, string? group, CancellationToken cancellationToken = default) =>
        Run(WebhookDeliverySql.Cancel("$1", "$2::text", "$3::text"), cancellationToken, hallId, endpointId, group);

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        Run(WebhookDeliverySql.Prune("$1"), cancellationToken, before.ToUnixTimeMilliseconds());

    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(string hallId, string? endpointId, int max, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(WebhookDeliverySql.List("$1", "$2::text", "$3"));
        Bind(command, hallId, endpointId, max);
        return WebhookDeliverySql.ReadLog(await command.ExecuteReaderAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        _schema.Dispose();
    }

    private async Task<int> Run(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(sql);
        Bind(command, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
