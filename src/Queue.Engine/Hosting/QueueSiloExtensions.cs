using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using Queue.Engine.Grains;
using Queue.Engine.Persistence;
using Queue.Domain.Analytics;
using Queue.Engine.TimeSeries;
using Queue.Engine.Webhooks;

namespace Queue.Engine.Hosting;

public static class QueueSiloExtensions
{
    /// <summary>
    /// Host a silo. Queue:Cluster:Mode = Local (default): localhost clustering on the configured ports, a single node.
    /// Redis: membership in Redis, so that any number of silos and web nodes (Orleans clients) form one cluster.
    /// The store follows Queue:Storage:Provider. Adds the readiness checks (silo active, store answers).
    /// </summary>
    public static IHostApplicationBuilder AddQueueSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueueSiloOptions>().BindConfiguration(QueueSiloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        QuietWatchdogStart(builder);
        var options = builder.Configuration.GetSection(QueueSiloOptions.Section).Get<QueueSiloOptions>() ?? new QueueSiloOptions();
        var cluster = ValidatedSettings.Read<QueueClusterOptions>(builder, QueueClusterOptions.Section);
        ValidatedSettings.Read<QueueStorageOptions>(builder, QueueStorageOptions.Section);
        var membership = builder.Services.AddOptions<ClusterMembershipOptions>();
        var messaging = builder.Services.AddOptions<SiloMessagingOptions>();
        if (cluster.Mode == ClusterMode.Redis)
        {
            // Fail over in seconds, not Orleans' half minute; the configuration, bound after, overrides each value.
            membership.Configure(o =>
            {
                o.ProbeTimeout = QueueClusterOptions.Failover.ProbeTimeout;
                o.NumMissedProbesLimit = QueueClusterOptions.Failover.NumMissedProbesLimit;
                o.TableRefreshTimeout = QueueClusterOptions.Failover.TableRefreshTimeout;
                o.DeathVoteExpirationTimeout = QueueClusterOptions.Failover.DeathVoteExpirationTimeout;
                o.IAmAliveTablePublishTimeout = QueueClusterOptions.Failover.IAmAliveTablePublishTimeout;
            });
            messaging.Configure(o => o.ResponseTimeout = QueueClusterOptions.Failover.ResponseTimeout);
        }

        membership.BindConfiguration(QueueClusterOptions.MembershipSection);
        messaging.BindConfiguration(QueueClusterOptions.MessagingSection);
        builder.UseOrleans(silo =>
        {
            if (cluster.Mode == ClusterMode.Redis)
            {
                silo.UseRedisClustering(cluster.RedisConnection!)
                    .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
                if (string.IsNullOrWhiteSpace(cluster.AdvertisedAddress))
                {
                    silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
                }
                else
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), options.SiloPort, options.GatewayPort);
                }
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, new IPEndPoint(IPAddress.Loopback, options.SiloPort), options.ServiceId, options.ClusterId);
            }

            silo.AddQueueGrains().AddDashboard();
        });
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [QueueHealthExtensions.Ready])
            .AddCheck<StoreHealthCheck>("store", tags: [QueueHealthExtensions.Ready]);
        return builder;
    }

    /// <summary>What every Queue silo needs, whatever its clustering: the grain storage, the clock, seeding, day close, and the time-series relay.</summary>
    public static ISiloBuilder AddQueueGrains(this ISiloBuilder silo)
    {
        var services = silo.Services;

        // The grains, their states and the domain's serializable types, named: the web host that co-hosts this silo
        // does not run Orleans' code generator (so that its client role never loads this assembly), hence does not list it.
        services.AddSerializer(serializer => serializer
            .AddAssembly(typeof(Grains.HallGrain).Assembly)
            .AddAssembly(typeof(ThemeQueueState).Assembly)
            .AddAssembly(typeof(Queue.Contracts.Grains.IHallGrain).Assembly));
        services.AddOptions<QueueSiloOptions>();
        services.AddOptions<QueueStorageOptions>();
        services.TryAddKeyedSingleton(QueueClock.Key, TimeProvider.System);
        services.TryAddSingleton<IStateStore>(CreateStore);
        services.AddSingleton<QueueGrainStorage>();
        // The halls' forward predictions take turns within their share of a core.
        services.AddSingleton(sp => new ForecastGate(sp.GetRequiredService<IOptions<QueueSiloOptions>>().Value.ForecastCpuShare));
        services.AddKeyedSingleton<IGrainStorage>(QueueGrainStorage.ProviderName, (sp, _) => sp.GetRequiredService<QueueGrainStorage>());
        services.AddSingleton<HallSeeder>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<HallSeeder>());
        services.AddQueueTimeSeries();
        services.AddQueueWebhooks();
        services.AddHostedService<Cases.CaseOpener>();
        return silo;
    }

    private static IStateStore CreateStore(IServiceProvider services) =>
        services.GetRequiredService<IOptions<QueueStorageOptions>>().Value switch
        {
            { Provider: StorageProvider.Postgres, PostgresConnection: { } connection } => new PostgresStateStore(connection),
            _ => new SqliteStateStore(
                services.GetRequiredService<IOptions<QueueSiloOptions>>().Value.DataPath,
                services.GetRequiredService<ILogger<SqliteStateStore>>()),
        };

    /// <summary>
    /// Orleans 10.4's watchdog starts its platform thread before it sets the component check's first timestamp, so on a
    /// busy machine the first tick reads a timestamp of 0 and warns "Participant check thread has not completed for
    /// {the machine's uptime}" at every start: a false alarm, the first line an operator reads. Its category is kept to
    /// errors unless the configuration names it (Logging:LogLevel:Orleans.Runtime.Watchdog: Warning brings it back);
    /// real stalls still count in the silo's local health score, which membership acts on.
    /// </summary>
    private static void QuietWatchdogStart(IHostApplicationBuilder builder)
    {
        const string Watchdog = "Orleans.Runtime.Watchdog";
        if (builder.Configuration["Logging:LogLevel:" + Watchdog] is null)
        {
            builder.Logging.AddFilter(Watchdog, LogLevel.Error);
        }
    }
}
