using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Queue.Contracts;
using Queue.Contracts.Config;
using Queue.Contracts.Grains;
using Queue.Engine.Seed;

namespace Queue.Engine.Hosting;

/// <summary>
/// When the silo becomes active, configures every hall from the configuration files (and the demo hall) that
/// is not configured yet. A hall edited through the API keeps its edits across restarts.
/// </summary>
public sealed class HallSeeder(IGrainFactory grains, IOptions<QueueSiloOptions> options, ILogger<HallSeeder> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<HallSeeder>(ServiceLifecycleStage.Active, SeedAsync);

    public static HallConfig LoadFile(string path) =>
        JsonSerializer.Deserialize<HallConfig>(File.ReadAllText(path), QueueJson.Options) ?? throw new InvalidDataException($"{path} is empty");

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var halls = options.Value.HallFiles.Select(LoadFile).ToList();
        if (options.Value.SeedDemoHall)
        {
            halls.Add(DemoHall.Load());
        }

        foreach (var hall in halls)
        {
            var grain = grains.GetGrain<IHallGrain>(hall.HallId);
            if (await grain.GetConfigAsync() is null)
            {
                await grain.ConfigureAsync(hall);
                logger.LogInformation("Configured hall {HallId} ({Name}) with {Themes} themes and {Windows} windows", hall.HallId, hall.Name, hall.Themes.Length, hall.Windows.Length);
            }
        }
    }
}
