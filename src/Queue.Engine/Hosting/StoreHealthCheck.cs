using Microsoft.Extensions.Diagnostics.HealthChecks;
using Queue.Engine.Persistence;

namespace Queue.Engine.Hosting;

/// <summary>Ready only while the state store answers a cheap read within a few seconds.</summary>
public sealed class StoreHealthCheck(IStateStore store) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await store.LastSequenceAsync("~health", timeout.Token).WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy("the store answers");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", ex);
        }
    }
}
