using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Config;

namespace Queue.Engine.Seed;

/// <summary>The demo hall (滨江), embedded in the engine: the hall seeder configures it, the demo history is made for it.</summary>
public static class DemoHall
{
    public const string Resource = "Queue.Engine.Seed.demo-hall.json";

    public static HallConfig Load()
    {
        using var stream = typeof(DemoHall).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing resource {Resource}");
        return JsonSerializer.Deserialize<HallConfig>(stream, QueueJson.Options) ?? throw new InvalidDataException("empty demo hall");
    }
}
