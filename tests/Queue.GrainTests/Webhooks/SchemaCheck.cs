using System.Text.Json;
using System.Text.RegularExpressions;

namespace Queue.GrainTests.Webhooks;

/// <summary>
/// Checks a JSON document against the subset of JSON Schema that docs/webhook-payload.schema.json uses: type (one or a
/// list), required, properties, additionalProperties: false, enum, pattern, minLength, minimum and local $ref. Returns
/// the violations (empty: valid).
/// </summary>
public static class SchemaCheck
{
    public static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "webhook-payload.schema.json"))).RootElement;

    public static List<string> Violations(JsonElement schema, JsonElement value)
    {
        var found = new List<string>();
        Check(schema, schema, value, "$", found);
        return found;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> found)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            Check(root, target, value, path, found);
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => Is(t, value)))
            {
                found.Add($"{path}: {value.ValueKind} is not {string.Join("|", types)}");
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => o.ToString() == value.ToString() && o.ValueKind == value.ValueKind))
        {
            found.Add($"{path}: {value} is not one of {options}");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
            {
                found.Add($"{path}: \"{text}\" does not match {pattern}");
            }

            if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
            {
                found.Add($"{path}: shorter than {min}");
            }
        }

        if (value.ValueKind == JsonValueKind.Number && schema.TryGetProperty("minimum", out var minimum) && value.GetDouble() < minimum.GetDouble())
        {
            found.Add($"{path}: below {minimum}");
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
        {
            found.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _)).Select(r => $"{path}: missing {r}"));
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var sub))
            {
                Check(root, sub, property.Value, $"{path}.{property.Name}", found);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
            {
                found.Add($"{path}: unexpected property {property.Name}");
            }
        }
    }

    private static bool Is(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => false,
    };
}
