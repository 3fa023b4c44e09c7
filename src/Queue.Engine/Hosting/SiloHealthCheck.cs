using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Queue.Engine.Hosting;

/// <summary>Ready once this silo is an active member of the cluster (it joined and is not shutting down or declared dead).</summary>
public sealed class SiloHealthCheck(ILocalSiloDetails local, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object> { ["silo"] = local.SiloAddress.ToString(), ["status"] = status.ToString(), ["activeSilos"] = active };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("the silo is active", data)
            : HealthCheckResult.Unhealthy($"the silo is {status}", data: data));
    }
}
