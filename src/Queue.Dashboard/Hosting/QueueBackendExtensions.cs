using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Queue.Contracts.Grains;
using Queue.Dashboard.Live;
using Queue.Hosting;

namespace Queue.Dashboard.Hosting;

/// <summary>
/// The composition root's choice of backend (Queue:Web:Role): co-host a silo (the single-node default), or be a
/// stateless Orleans client of a cluster (Queue:Cluster:Mode Redis; Local reaches a silo on this machine).
/// </summary>
public static class QueueBackendExtensions
{
    public static IHostApplicationBuilder AddQueueBackend(this IHostApplicationBuilder builder)
    {
        var web = ValidatedSettings.Read<QueueWebOptions>(builder, QueueWebOptions.Section);
        if (web.Role == WebRole.Client)
        {
            return builder.AddQueueClient(web);
        }

        SingleNode.AddEngine(builder);
        builder.Services.AddHostedService<MembershipChangeWatcher>();
        return builder;
    }

    /// <summary>/health/live and /health/ready for anyone; the Orleans dashboard at /orleans for managers and administrators.</summary>
    public static WebApplication MapQueueOperations(this WebApplication app)
    {
        app.MapQueueHealth();
        app.MapOrleansDashboard(routePrefix: "/orleans").RequireAuthorization(Security.SecurityExtensions.OperationsPolicy).ExcludeFromDescription();
        return app;
    }

    private static IHostApplicationBuilder AddQueueClient(this IHostApplicationBuilder builder, QueueWebOptions web)
    {
        var options = builder.Configuration.GetSection(QueueSiloOptions.Section).Get<QueueSiloOptions>() ?? new QueueSiloOptions();
        var cluster = ValidatedSettings.Read<QueueClusterOptions>(builder, QueueClusterOptions.Section);
        var messaging = builder.Services.AddOptions<ClientMessagingOptions>();
        if (cluster.Mode == ClusterMode.Redis)
        {
            messaging.Configure(o => o.ResponseTimeout = QueueClusterOptions.Failover.ResponseTimeout); // as the silos'
        }

        messaging.BindConfiguration(QueueClusterOptions.MessagingSection);
        builder.UseOrleansClient(client =>
        {
            if (cluster.Mode == ClusterMode.Redis)
            {
                client.UseRedisClustering(cluster.RedisConnection!)
                    .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
            }
            else
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
            }

            var giveUpAt = DateTimeOffset.UtcNow + web.ConnectTimeout;
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                if (DateTimeOffset.UtcNow >= giveUpAt)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
            // The contracts are the client's only Orleans code: named here, since this assembly is not scanned (see the csproj).
            client.Services.AddSerializer(serializer => serializer.AddAssembly(typeof(IHallGrain).Assembly));
            client.AddGatewayCountChangedHandler(services => (_, _) => services.GetRequiredService<LiveHallService>().ClusterChanged());
            client.AddDashboard();
        });
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster", tags: [QueueHealthExtensions.Ready]);
        return builder;
    }
}
