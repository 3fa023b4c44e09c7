using System.Text.Json;
using Queue.Contracts;
using Queue.Contracts.Events;

namespace Queue.Engine.Persistence;

/// <summary>How an event is kept in the journal: JSON, readable by people and by the time-series jobs.</summary>
public static class HallEventJson
{
    public static string Serialize(HallEvent e) => JsonSerializer.Serialize(e, QueueJson.Options);

    public static HallEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<HallEvent>(json, QueueJson.Options) ?? throw new InvalidDataException("empty event");
}
