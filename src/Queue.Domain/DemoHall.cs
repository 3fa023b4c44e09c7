using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Config;

namespace Queue.Domain;

/// <summary>
/// The demo hall (滨江区市民之家) that a single node configures on first start, shipped as a resource beside this
/// class. Plain data: the silo seeds it, the web host names it in the first-start links, the simulator can run it.
/// </summary>
public static class DemoHall
{
    private const string Resource = "Queue.Domain.DemoHall.json";

    public static HallConfig Load()
    {
        using var stream = typeof(DemoHall).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"missing resource {Resource}");
        return JsonSerializer.Deserialize<HallConfig>(stream, QueueJson.Options) ?? throw new InvalidDataException("empty demo hall");
    }
}
