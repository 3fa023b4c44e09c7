using Microsoft.Data.Sqlite;
using Queue.Contracts.Webhooks;
using Queue.Engine.Persistence;

namespace Queue.Engine.Webhooks;

/// <summary>The delivery log in the grain state file (a single node), beside the relay cursors.</summary>
public sealed class SqliteWebhookDeliveryStore : IWebhookDeliveryStore
{
    private readonly SqliteFile _file;
    private readonly TimeProvider _clock;

    public SqliteWebhookDeliveryStore(string path, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _file = new SqliteFile(path);
        _file.Execute(WebhookDeliverySql.Schema("INTEGER PRIMARY KEY AUTOINCREMENT"));
    }

    public Task<int> AddAsync(IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var connection = _file.Open();
            using var transaction = connection.BeginTransaction();
            var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            var added = 0;
            foreach (var d in deliveries)
            {
                using var command = connection.CreateCommand();
                command.CommandText = WebhookDeliverySql.Insert("$h", "$e", "$v", "$t", "$b", "$c", "$g", "$now", "$due");
                Bind(command, ("$h", d.HallId), ("$e", d.EndpointId), ("$v", d.EventId), ("$t", d.Type), ("$b", d.Body), ("$c", d.ContactRef), ("$g", d.Group),
                    ("$now", now), ("$due", d.DueAt?.ToUnixTimeMilliseconds() ?? now));
                added += command.ExecuteNonQuery();
            }

            transaction.Commit();
            return added;
        }, cancellationToken);

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<ClaimedDelivery>>(() =>
        {
            using var connection = _file.Open();
            // BEGIN IMMEDIATE: two claimers (two processes on one file) take turns, so a delivery is claimed once per lease.
            SqliteFile.Execute(connection, "BEGIN IMMEDIATE");
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = WebhookDeliverySql.Claim("$now", "$until", "$max", skipLocked: false);
                Bind(command, ("$now", now.ToUnixTimeMilliseconds()), ("$until", (now + lease).ToUnixTimeMilliseconds()), ("$max", max));
                var claimed = WebhookDeliverySql.ReadClaimed(command.ExecuteReader());
                SqliteFile.Execute(connection, "COMMIT");
                return claimed;
            }
            catch
            {
                SqliteFile.Execute(connection, "ROLLBACK");
                throw;
            }
        }, cancellationToken);

    public Task DeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Run(WebhookDeliverySql.Delivered("$id", "$at"), cancellationToken, ("$id", id), ("$at", at.ToUnixTimeMilliseconds()));

    public Task AttemptFailedAsync(long id, string error, DateTimeOffset? nextAt, CancellationToken cancellationToken = default) =>
        Run(WebhookDeliverySql.AttemptFailed("$id", "$error", "$next"), cancellationToken, ("$id", id), ("$error", error), ("$next", nextAt?.ToUnixTimeMilliseconds()));

    public Task<int> CancelAsync(string hallId, string? endpointId, string? group, CancellationToken cancellationToken = default) =>
        Run(WebhookDeliverySql.Cancel("$h", "$e", "$g"), cancellationToken, ("$h", hallId), ("$e", endpointId), ("$g", group));

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        Run(WebhookDeliverySql.Prune("$before"), cancellationToken, ("$before", before.ToUnixTimeMilliseconds()));

    public Task<IReadOnlyList<WebhookDelivery>> ListAsync(string hallId, string? endpointId, int max, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<WebhookDelivery>>(() =>
        {
            using var connection = _file.Open();
            using var command = connection.CreateCommand();
            command.CommandText = WebhookDeliverySql.List("$h", "$e", "$max");
            Bind(command, ("$h", hallId), ("$e", endpointId), ("$max", max));
            return WebhookDeliverySql.ReadLog(command.ExecuteReader());
        }, cancellationToken);

    private Task<int> Run(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        Task.Run(() =>
        {
            using var connection = _file.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            Bind(command, parameters);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
