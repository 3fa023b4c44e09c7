using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Queue.Engine.Hosting;
using Queue.Hosting;

namespace Queue.GrainTests;

/// <summary>
/// An in-process Orleans cluster over a real SQLite file and a fake clock (10:00 in Shanghai on a Tuesday).
/// Tests use their own hall ids, so they share one cluster. <see cref="RestartAsync"/> stops every silo and
/// starts a new one on the same file: what was acknowledged must still be there.
/// </summary>
public sealed class QueueClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private InProcessTestCluster? _cluster;

    public static DateTimeOffset Start { get; } = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>More silo configuration, for a test that runs its own cluster (e.g. quicker webhook retries).</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; init; }

    public string DataPath => _directory.File("queue.db");

    public IGrainFactory Grains => (_cluster ?? throw new InvalidOperationException("not started")).Client;

    /// <summary>The silo's services (its time-series store, for instance).</summary>
    public IServiceProvider SiloServices => _cluster!.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress);

    public async Task InitializeAsync() => _cluster = await StartCluster();

    public async Task RestartAsync()
    {
        await _cluster!.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _cluster = await StartCluster();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        _directory.Dispose();
    }

    private async Task<InProcessTestCluster> StartCluster()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<TimeProvider>(QueueClock.Key, Clock);
            silo.Services.Configure<QueueSiloOptions>(o =>
            {
                o.DataPath = DataPath;
                o.SeedDemoHall = false;
                o.SlaCheckSeconds = 1;
            });
            silo.Services.Configure<QueueStorageOptions>(o => o.VerifyRows = true); // a ticket change without its row fails the write
            silo.AddQueueGrains();
            ConfigureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

[CollectionDefinition(Name)]
public sealed class QueueClusterCollection : ICollectionFixture<QueueClusterFixture>
{
    public const string Name = "queue cluster";
}
