using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Queue.Dashboard.Security;

/// <summary>
/// Ready once the first-start check has run: the installation has its administrator (made now, or found). A node that
/// answers ready can be signed in to, so nothing needs to guess with sign-ins that would count against the account.
/// </summary>
public sealed class FirstStartHealthCheck(AdministratorBootstrap bootstrap) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bootstrap.ExecuteTask is { IsCompletedSuccessfully: true }
            ? HealthCheckResult.Healthy("The installation has its administrator")
            : HealthCheckResult.Unhealthy("The first-start check has not finished"));
}
