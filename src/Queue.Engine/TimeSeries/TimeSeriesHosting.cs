using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Queue.Engine.Hosting;
using Queue.Hosting;

namespace Queue.Engine.TimeSeries;

/// <summary>Registers the time-series store chosen by <see cref="TimeSeriesOptions"/>, the relay and the demo history.</summary>
public static class TimeSeriesHosting
{
    public static IServiceCollection AddQueueTimeSeries(this IServiceCollection services)
    {
        services.AddOptions<TimeSeriesOptions>().BindConfiguration(TimeSeriesOptions.Section).ValidateDataAnnotations();
        services.TryAddSingleton<IRelayCursorStore>(sp => sp.GetRequiredService<IOptions<QueueStorageOptions>>().Value switch
        {
            // In a cluster every silo shares the cursors, beside the journal they point into.
            { Provider: StorageProvider.Postgres, PostgresConnection: { } connection } => new PostgresRelayCursorStore(connection),
            _ => new SqliteRelayCursorStore(sp.GetRequiredService<IOptions<QueueSiloOptions>>().Value.DataPath),
        });
        services.TryAddSingleton<ITimeSeriesStore>(sp => Create(
            sp.GetRequiredService<IOptions<TimeSeriesOptions>>().Value, sp.GetRequiredService<IOptions<QueueSiloOptions>>().Value));
        services.TryAddSingleton<IHallListing, DirectoryHallListing>();
        services.AddHostedService<TimeSeriesRelay>();
        services.AddHostedService<SyntheticHistorySeeder>();
        return services;
    }

    public static ITimeSeriesStore Create(TimeSeriesOptions options, QueueSiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(silo);
        return options.Store switch
        {
            TimeSeriesStoreKind.Influx => new InfluxTimeSeriesStore(new Uri(options.InfluxUrl), options.Database, options.RequestTimeout),
            _ => new SqliteTimeSeriesStore(options.EmbeddedPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(silo.DataPath)) ?? ".", "timeseries.db")),
        };
    }
}
