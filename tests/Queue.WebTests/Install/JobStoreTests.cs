using Microsoft.Extensions.Options;
using Queue.Hosting;

namespace Queue.WebTests.Install;

/// <summary>
/// The web nodes of a cluster share one Hangfire job store, or each runs every recurring job from its own memory:
/// a Redis cluster without one does not start, and says which setting is missing.
/// </summary>
public sealed class JobStoreTests
{
    private const string Jobs = "Host=db;Database=queue;Username=queue";
    private const string Grains = "Host=db;Database=grains;Username=queue";

    [Fact]
    public void AWebNodeOfARedisClusterWithoutAPostgreSqlJobStoreDoesNotStart()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Resolve(new(), new(), ClusterMode.Redis, WebRole.Client));
        Assert.Contains("Queue:Jobs:PostgresConnection is required when Queue:Cluster:Mode is Redis", refused.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => Resolve(new(), new(), ClusterMode.Redis, WebRole.Silo)); // co-hosting a silo too
    }

    [Fact]
    public void TheJobStoreIsTheConfiguredPostgreSqlOrTheGrainStoresOrMemoryOnOneNode()
    {
        Assert.Equal((Jobs, null), Resolve(new() { PostgresConnection = Jobs }, new(), ClusterMode.Redis, WebRole.Client));
        var postgresGrains = new QueueStorageOptions { Provider = StorageProvider.Postgres, PostgresConnection = Grains };
        Assert.Equal((Grains, null), Resolve(new(), postgresGrains, ClusterMode.Redis, WebRole.Silo));
        Assert.Equal((Jobs, null), Resolve(new() { PostgresConnection = Jobs }, postgresGrains, ClusterMode.Redis, WebRole.Silo));
        Assert.Equal((null, null), Resolve(new(), new(), ClusterMode.Local, WebRole.Silo)); // the single node
    }

    [Fact]
    public void AClientWebNodeOfALocalSiloOnMemorySaysSo()
    {
        var (connection, warning) = Resolve(new(), new(), ClusterMode.Local, WebRole.Client);

        Assert.Null(connection);
        Assert.Contains("keeps its background jobs in memory (Queue:Jobs:PostgresConnection is not set)", warning, StringComparison.Ordinal);
    }

    private static (string? Connection, string? Warning) Resolve(QueueJobsOptions jobs, QueueStorageOptions storage, ClusterMode mode, WebRole role)
    {
        var connection = QueueJobsOptions.Resolve(jobs, storage, new QueueClusterOptions { Mode = mode }, new QueueWebOptions { Role = role }, out var warning);
        return (connection, warning);
    }
}
