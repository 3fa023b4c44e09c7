namespace Queue.Hosting;

/// <summary>
/// Where the web node's background jobs (Hangfire: day close, the nightly advice) are kept, section "Queue:Jobs".
/// Every web node of a cluster must share one store, or each runs every recurring job itself; see <see cref="Resolve"/>.
/// </summary>
public sealed class QueueJobsOptions
{
    public const string Section = "Queue:Jobs";

    /// <summary>
    /// Npgsql connection string of the job store (Hangfire creates its <c>hangfire</c> schema there). Empty: the grain
    /// store's PostgreSQL when <c>Queue:Storage:Provider</c> is Postgres, otherwise memory (one node only).
    /// </summary>
    public string? PostgresConnection { get; set; }

    /// <summary>
    /// The job store's PostgreSQL connection string, or null for memory. A node of a Redis cluster (a client web node or
    /// a web node co-hosting a silo) with no PostgreSQL job store is refused: each node would run every recurring job
    /// from its own memory, silently. <paramref name="warning"/> is set for a client web node of a Local cluster, which
    /// is a development setup: it runs on memory, and says so.
    /// </summary>
    public static string? Resolve(QueueJobsOptions jobs, QueueStorageOptions storage, QueueClusterOptions cluster, QueueWebOptions web, out string? warning)
    {
        warning = null;
        var connection = !string.IsNullOrWhiteSpace(jobs.PostgresConnection) ? jobs.PostgresConnection
            : storage.Provider == StorageProvider.Postgres && !string.IsNullOrWhiteSpace(storage.PostgresConnection) ? storage.PostgresConnection
            : null;
        if (connection is not null)
        {
            return connection;
        }

        if (cluster.Mode == ClusterMode.Redis)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(Section, typeof(QueueJobsOptions), [
                $"{Section}:PostgresConnection is required when Queue:Cluster:Mode is Redis: the web nodes of a cluster share one job store, " +
                "or each runs every recurring job (day close, nightly advice) from its own memory. Set it to the cluster's PostgreSQL " +
                "(e.g. Queue__Jobs__PostgresConnection=\"Host=…;Database=queue;Username=queue;Password=…\")"]);
        }

        if (web.Role == WebRole.Client)
        {
            warning = $"This client web node keeps its background jobs in memory ({Section}:PostgresConnection is not set): " +
                "right for one web node only; a second one would run every recurring job again";
        }

        return null;
    }
}
