using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Queue.WebTests.Http;

/// <summary>One row of a bad-input matrix: a request (after whatever setup it needs) and the exact refusal expected.</summary>
public sealed record BadInput(string Name, HttpStatusCode Status, string Code, Func<QueueApi, Task<HttpResponseMessage>> Send)
{
    public override string ToString() => Name;
}

/// <summary>A table of bad inputs looked up by name, so that each row is its own theory case.</summary>
public sealed class BadInputTable
{
    private readonly Dictionary<string, BadInput> _rows = new(StringComparer.Ordinal);

    public IEnumerable<BadInput> Rows => _rows.Values;

    public TheoryData<string> Names => new(_rows.Keys);

    public BadInput this[string name] => _rows[name];

    public BadInputTable Add(string name, HttpStatusCode status, string code, Func<QueueApi, Task<HttpResponseMessage>> send)
    {
        _rows.Add(name, new BadInput(name, status, code, send));
        return this;
    }
}

/// <summary>What a refusal must look like: the exact status and code, ProblemDetails, both languages, no stack trace.</summary>
public static partial class Problem
{
    public static async Task AssertRefused(BadInput row, QueueApi api)
    {
        using var response = await row.Send(api);
        var body = await response.Content.ReadAsStringAsync();
        var code = TryRead(body, "code");
        Assert.Equal((row.Status, row.Code), (response.StatusCode, code));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)row.Status, TryReadInt(body, "status"));
        var zh = TryRead(body, "messageZh");
        var en = TryRead(body, "messageEn");
        Assert.False(string.IsNullOrWhiteSpace(zh), body);
        Assert.Matches(Cjk(), zh);
        Assert.False(string.IsNullOrWhiteSpace(en), body);
        Assert.DoesNotMatch(StackFrame(), body);
    }

    private static string? TryRead(string body, string property)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(property, out var value) &&
                   value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return $"(not JSON: {body})";
        }
    }

    private static int? TryReadInt(string body, string property)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\bat [\w.`<>]+\(|\.cs:line \d+")]
    private static partial Regex StackFrame();
}
