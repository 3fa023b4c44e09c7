using Microsoft.Extensions.Diagnostics.HealthChecks;
using Queue.Contracts.Grains;

namespace Queue.Dashboard.Hosting;

/// <summary>
/// A client web node is ready when a round trip through the cluster to the store works: a hall grain reads the
/// journal of a hall that does not exist (an empty read), within a few seconds.
/// </summary>
public sealed class ClusterClientHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private const string ProbeHall = "health-probe";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IHallGrain>(ProbeHall).GetEventsAsync(long.MaxValue - 1, 1).WaitAsync(Limit, cancellationToken);
            return HealthCheckResult.Healthy("the cluster and its store answer");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the cluster does not answer", ex);
        }
    }
}
