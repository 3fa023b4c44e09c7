using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Queue.Silo.Persistence;
using Queue.Silo.TimeSeries;

namespace Queue.Silo.Hosting;

public static class QueueSiloExtensions
{
    /// <summary>Host a single-node silo: localhost clustering on the configured ports, SQLite state.</summary>
    public static IHostApplicationBuilder AddQueueSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueueSiloOptions>().BindConfiguration(QueueSiloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(QueueSiloOptions.Section).Get<QueueSiloOptions>() ?? new QueueSiloOptions();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(options.SiloPort, options.GatewayPort, new IPEndPoint(IPAddress.Loopback, options.SiloPort), options.ServiceId, options.ClusterId)
            .AddQueueGrains());
        return builder;
    }

    /// <summary>What every Queue silo needs, whatever its clustering: the grain storage, the clock, seeding, day close, and the time-series relay.</summary>
    public static ISiloBuilder AddQueueGrains(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddOptions<QueueSiloOptions>();
        services.TryAddKeyedSingleton(QueueClock.Key, TimeProvider.System);
        services.TryAddSingleton<IStateStore>(sp => new SqliteStateStore(
            sp.GetRequiredService<IOptions<QueueSiloOptions>>().Value.DataPath,
            sp.GetRequiredService<ILogger<SqliteStateStore>>()));
        services.AddSingleton<QueueGrainStorage>();
        services.AddKeyedSingleton<IGrainStorage>(QueueGrainStorage.ProviderName, (sp, _) => sp.GetRequiredService<QueueGrainStorage>());
        services.AddSingleton<HallSeeder>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<HallSeeder>());
        services.AddQueueTimeSeries();
        return silo;
    }
}
