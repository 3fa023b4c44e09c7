using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Queue.Contracts.Grains;

namespace Queue.Dashboard.Hosting;

/// <summary>
/// A client web node is ready when a round trip through the cluster to the store works: a hall grain reads the
/// journal of a hall that does not exist (an empty read), within a few seconds. When it does not, the description says
/// why: no silo of the cluster answers, or a silo answered that its store failed (with the silo's words, such as
/// "database "queue" does not exist"); <c>data.zh</c> says it in Chinese.
/// </summary>
public sealed class ClusterClientHealthCheck(IGrainFactory grains, IOptions<ClusterOptions> cluster) : IHealthCheck
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
            var (en, zh) = Explain(ex, cluster.Value.ClusterId);
            return HealthCheckResult.Unhealthy(en, data: new Dictionary<string, object> { ["zh"] = zh });
        }
    }

    private static (string En, string Zh) Explain(Exception error, string clusterId)
    {
        var said = error.Message.Split('\n', 2)[0].Trim();
        return error switch
        {
            TimeoutException => (
                $"no silo of cluster \"{clusterId}\" answered within {Limit.TotalSeconds:0} s: are the silos running and ready, with the same ClusterId and ServiceId?",
                $"集群“{clusterId}”的服务节点 {Limit.TotalSeconds:0} 秒内没有应答：请检查节点是否运行并就绪，ClusterId 与 ServiceId 是否一致"),
            SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException => (
                $"no silo of cluster \"{clusterId}\" can be reached: {said}", $"无法连接集群“{clusterId}”的服务节点：{said}"),
            _ => ($"a silo of cluster \"{clusterId}\" answered that it failed: {said}", $"集群“{clusterId}”的服务节点报错：{said}"),
        };
    }
}
