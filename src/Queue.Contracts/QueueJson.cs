using System.Text.Json;
using System.Text.Json.Serialization;

namespace Queue.Contracts;

/// <summary>The JSON shape of every Queue document (API, configuration files, journal): camelCase, enums as names.</summary>
public static class QueueJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = true;
        return options;
    }
}
