using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Queue.Engine.Persistence;

namespace Queue.Engine.Hosting;

/// <summary>
/// Ready only while the state store answers a cheap read within a few seconds. When it does not, the description says
/// why (<see cref="StoreProblem"/>: no such database, cannot connect to PostgreSQL at …), and <c>data.zh</c> says it in Chinese;
/// the exception is not attached, so that a probe every few seconds does not log its stack trace each time.
/// </summary>
public sealed class StoreHealthCheck(IStateStore store, IOptions<QueueStorageOptions> storage) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var postgres = storage.Value.Provider == StorageProvider.Postgres ? storage.Value.PostgresConnection : null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await store.LastSequenceAsync("~health", timeout.Token).WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy("the store answers");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var (en, zh) = StoreProblem.Explain(ex, postgres, Limit);
            return HealthCheckResult.Unhealthy(en, data: new Dictionary<string, object> { ["zh"] = zh });
        }
    }
}
