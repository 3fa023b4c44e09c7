using System.Text.Json;

namespace Queue.Engine.TimeSeries;

/// <summary>
/// One series of an InfluxQL answer (<c>/query</c>, JSON): its measurement, the tags it was grouped by (a missing tag
/// is ""), and rows of values in <see cref="Columns"/> order, the first being the time in ms (<c>epoch=ms</c>).
/// </summary>
internal sealed record InfluxResult(string Name, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Columns, IReadOnlyList<JsonElement[]> Rows)
{
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    /// <summary>The series of each statement, in statement order. Throws on an error from the server or a statement.</summary>
    public static IReadOnlyList<IReadOnlyList<InfluxResult>> Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement.Clone();
        if (root.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxDB: {error.GetString()}");
        }

        var statements = new List<IReadOnlyList<InfluxResult>>();
        foreach (var statement in root.GetProperty("results").EnumerateArray())
        {
            if (statement.TryGetProperty("error", out var statementError))
            {
                throw new InvalidOperationException($"InfluxDB: {statementError.GetString()}");
            }

            var series = new List<InfluxResult>();
            if (statement.TryGetProperty("series", out var list))
            {
                foreach (var s in list.EnumerateArray())
                {
                    var tags = s.TryGetProperty("tags", out var t)
                        ? t.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
                        : [];
                    series.Add(new InfluxResult(
                        s.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "",
                        tags,
                        [.. s.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "")],
                        s.TryGetProperty("values", out var values) ? [.. values.EnumerateArray().Select(r => r.EnumerateArray().ToArray())] : []));
                }
            }

            statements.Add(series);
        }

        return statements;
    }

    public static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
