using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;

namespace Queue.Engine.Hosting;

/// <summary>
/// When the silo becomes active, configures every hall from the configuration files (and the demo hall) that
/// is not configured yet. A hall edited through the API keeps its edits across restarts. When the store does not
/// answer (no such database yet, PostgreSQL down), the silo starts all the same and says why in one line, readiness
/// says it too, and seeding is tried again every few seconds until it works: a silo that died at start on a missing
/// database would leave its operator a thousand lines of stack traces instead.
/// </summary>
public sealed class HallSeeder(IGrainFactory grains, Persistence.IStateStore store, IOptions<QueueSiloOptions> options, IOptions<QueueStorageOptions> storage, ILogger<HallSeeder> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<HallSeeder>(ServiceLifecycleStage.Active, StartAsync, StopAsync);

    public static HallConfig LoadFile(string path) =>
        JsonSerializer.Deserialize<HallConfig>(File.ReadAllText(path), QueueJson.Options) ?? throw new InvalidDataException($"{path} is empty");

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var halls = options.Value.HallFiles.Select(LoadFile).ToList(); // a broken file stops the start: it is the operator's to fix
        if (options.Value.SeedDemoHall)
        {
            var demo = DemoHall.Load();
            halls.Add(options.Value.DemoOpeningCalendar ? demo : demo with { EnforceOpeningHours = false });
        }

        if (halls.Count > 0 && !await TrySeedAsync(halls, first: true))
        {
            _retrying = RetryAsync(halls, _stopping.Token);
        }
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RetryAsync(List<HallConfig> halls, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            await Task.Delay(Retry, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!stopping.IsCancellationRequested && await TrySeedAsync(halls, first: false))
            {
                return;
            }
        }
    }

    private async Task<bool> TrySeedAsync(List<HallConfig> halls, bool first)
    {
        try
        {
            // The store first, straight: a grain whose state cannot be read fails its activation with a stack trace
            // in the log each time, and this is tried every few seconds.
            await store.LastSequenceAsync("~health");
            foreach (var hall in halls)
            {
                var grain = grains.GetGrain<IHallGrain>(hall.HallId);
                if (await grain.GetConfigAsync() is null)
                {
                    await grain.ConfigureAsync(hall);
                    logger.LogInformation("Configured hall {HallId} ({Name}) with {Themes} themes and {Windows} windows", hall.HallId, hall.Name, hall.Themes.Length, hall.Windows.Length);
                }
            }

            if (!first)
            {
                logger.LogInformation("The store answers again: the halls are seeded");
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            if (first)
            {
                var postgres = storage.Value.Provider == StorageProvider.Postgres ? storage.Value.PostgresConnection : null;
                var (en, _) = StoreProblem.Explain(Cause(ex), postgres, TimeSpan.FromSeconds(30));
                logger.LogError("Cannot seed the halls: {Reason}. The silo runs, not ready (GET /health/ready says why); retrying every {Retry} s", en, Retry.TotalSeconds);
            }

            return false;
        }
    }

    /// <summary>The store's own exception, inside Orleans' "Error from storage provider" wrapper.</summary>
    private static Exception Cause(Exception ex) => ex.InnerException is { } inner && ex is OrleansException ? Cause(inner) : ex;
}
