using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Queue.Engine.Hosting;
using Queue.Engine.Persistence;
using Queue.Hosting;

namespace Queue.GrainTests.Store;

/// <summary>
/// Readiness says why the store does not answer, against a real PostgreSQL 15: a database that was never created, a
/// port nothing listens on, and the healthy case.
/// </summary>
public sealed class StoreReadinessTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task ADatabaseThatDoesNotExistIsNamedInTheReadinessDescriptionInEnglishAndChinese()
    {
        var port = postgres.Server.Port.ToString(CultureInfo.InvariantCulture);
        var result = await CheckAsync($"Host=127.0.0.1;Port={port};Username=postgres;Database=queue_missing;Timeout=5");

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal($"database \"queue_missing\" does not exist on PostgreSQL at 127.0.0.1:{port}: create it (docs/cluster.md)", result.Description);
        Assert.Equal($"PostgreSQL（127.0.0.1:{port}）上没有数据库“queue_missing”：请先创建（见 docs/cluster.md）", result.Data["zh"]);
        Assert.Null(result.Exception); // a probe every few seconds logs no stack trace
    }

    [Fact]
    public async Task APortNothingListensOnIsNamedAsUnreachable()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var result = await CheckAsync($"Host=127.0.0.1;Port={port};Username=postgres;Database=queue;Timeout=2");

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith($"cannot connect to PostgreSQL at 127.0.0.1:{port}: ", result.Description, StringComparison.Ordinal);
        Assert.StartsWith($"无法连接 PostgreSQL（127.0.0.1:{port}）：", (string)result.Data["zh"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCreatedDatabaseIsReady()
    {
        var result = await CheckAsync(postgres.ConnectionString);

        Assert.Equal((HealthStatus.Healthy, "the store answers"), (result.Status, result.Description));
    }

    private static async Task<HealthCheckResult> CheckAsync(string connection)
    {
        await using var store = new PostgresStateStore(connection);
        var options = Options.Create(new QueueStorageOptions { Provider = StorageProvider.Postgres, PostgresConnection = connection });
        return await new StoreHealthCheck(store, options).CheckHealthAsync(new HealthCheckContext());
    }
}
